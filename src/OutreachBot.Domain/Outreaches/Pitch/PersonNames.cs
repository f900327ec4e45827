using System.Globalization;
using System.Text;

namespace OutreachBot.Domain.Outreaches;

/// <summary>A person a message names, as the directory knows them: the Chinese and the English name (either may be missing).</summary>
public sealed record PitchPerson(string? NameZh, string? NameEn)
{
    /// <summary>The name to use in a sentence of that language, falling back to the other one.</summary>
    public string? FullName(Language language) => language == Language.Chinese
        ? Blank(NameZh) ?? Blank(NameEn)
        : Blank(NameEn) ?? Blank(NameZh);

    /// <summary>
    /// How a greeting addresses them: the full Chinese name ("王磊老师"), or the English given name ("Hi Lei").
    /// </summary>
    public string? GreetingName(Language language) => language == Language.Chinese
        ? FullName(language)
        : PersonNames.GivenName(NameEn, NameZh) ?? FullName(language);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// Reads a given name out of an English name as company directories write it. Chinese names are romanised in
/// either order ("Lei Wang" or "Wang Lei"), so the Chinese name, when known, tells which word is the surname; a name
/// in CAPITALS or before a comma is the surname too, and a nickname in brackets ("Jing (Jenny) Zhong") wins.
/// Without those signs the name is read in Western order.
/// </summary>
public static class PersonNames
{
    public static string? GivenName(string? nameEn, string? nameZh)
    {
        if (string.IsNullOrWhiteSpace(nameEn))
        {
            return null;
        }

        var name = string.Join(' ', nameEn.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (Nickname(name) is { } nickname)
        {
            return nickname;
        }

        if (name.IndexOf(',') is var comma and > 0 && comma < name.Length - 1)
        {
            var after = name[(comma + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return after.Length > 0 ? after[0] : name[..comma].Trim();
        }

        var words = name.Split(' ');
        if (words.Length == 1)
        {
            return words[0];
        }

        var capitals = words.Where(IsAllCapitals).ToList();
        if (capitals.Count > 0 && capitals.Count < words.Length)
        {
            return string.Join(' ', words.Where(w => !IsAllCapitals(w)));
        }

        var readings = SurnameReadings(nameZh);
        if (readings.Count > 0)
        {
            var first = readings.Contains(Fold(words[0]));
            var last = readings.Contains(Fold(words[^1]));
            if (first && !last)
            {
                return string.Join(' ', words.Skip(1));
            }

            if (last && !first)
            {
                return string.Join(' ', words.Take(words.Length - 1));
            }
        }

        return words[0];
    }

    /// <summary>The romanised readings of the surname that starts a Chinese name (compound surnames first).</summary>
    internal static IReadOnlySet<string> SurnameReadings(string? nameZh)
    {
        if (string.IsNullOrWhiteSpace(nameZh))
        {
            return new HashSet<string>();
        }

        var trimmed = nameZh.Trim();
        if (trimmed.Length >= 3 && Surnames.TryGetValue(trimmed[..2], out var compound))
        {
            return compound;
        }

        return Surnames.TryGetValue(trimmed[..1], out var single) ? single : new HashSet<string>();
    }

    private static string? Nickname(string name)
    {
        var open = name.IndexOfAny(['(', '（']);
        var close = name.IndexOfAny([')', '）']);
        if (open < 0 || close <= open + 1)
        {
            return null;
        }

        var inside = name[(open + 1)..close].Trim();
        return inside.Length > 0 && inside.All(c => char.IsAsciiLetter(c) || c is '-' or '\'' or ' ') ? inside : null;
    }

    private static bool IsAllCapitals(string word) => word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)) && word.Any(char.IsLetter);

    private static string Fold(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && char.IsLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Common Chinese surnames and how directories romanise them (Hanyu Pinyin, and the Cantonese, Wade-Giles and
    /// Taiwanese spellings that company directories also carry).
    /// </summary>
    private static readonly Dictionary<string, IReadOnlySet<string>> Surnames = Parse(
        "王 wang wong|李 li lee|张 zhang cheung chang|刘 liu lau|陈 chen chan|杨 yang yeung|黄 huang wong|赵 zhao chiu chao|吴 wu ng woo|周 zhou chow chou|"
        + "徐 xu hsu tsui|孙 sun suen|马 ma|朱 zhu chu|胡 hu wu|郭 guo kwok kuo|何 he ho|林 lin lam|罗 luo law lo|高 gao ko kao|郑 zheng cheng|梁 liang leung|"
        + "谢 xie tse hsieh|宋 song sung|唐 tang tong|许 xu hui hsu|韩 han hon|冯 feng fung|邓 deng tang teng|曹 cao tso tsao|彭 peng pang|曾 zeng tsang|肖 xiao siu hsiao|"
        + "萧 xiao siu hsiao|田 tian tin|董 dong tung|袁 yuan yuen|潘 pan poon|于 yu|蒋 jiang cheung chiang|蔡 cai choi tsai|余 yu yue|杜 du to tu|叶 ye yip yeh|程 cheng ching|"
        + "苏 su so|魏 wei ngai|吕 lv lu lyu lui lue|丁 ding ting|任 ren yam jen|沈 shen shum|姚 yao yiu|卢 lu lo|姜 jiang keung chiang|崔 cui chui tsui|钟 zhong chung|"
        + "谭 tan tam|陆 lu luk|汪 wang wong|范 fan|金 jin kam chin|石 shi shek|廖 liao liu|贾 jia ka chia|夏 xia ha hsia|韦 wei wai|付 fu|傅 fu foo|方 fang fong|白 bai pak|"
        + "邹 zou chau tsou|孟 meng mang|熊 xiong hung hsiung|秦 qin chun chin|邱 qiu yau chiu|江 jiang kong chiang|尹 yin wan|薛 xue sit hsueh|闫 yan|阎 yan yim|段 duan tuen|"
        + "雷 lei lui|侯 hou hau|龙 long lung|史 shi sze|陶 tao to|黎 li lai|贺 he ho|顾 gu koo ku|毛 mao mo|郝 hao|龚 gong kung|邵 shao shiu|万 wan man|钱 qian chin chien|"
        + "严 yan yim|覃 qin|武 wu mo|戴 dai tai|莫 mo mok|孔 kong hung|向 xiang heung|汤 tang tong|常 chang sheung|温 wen wan|康 kang hong|施 shi sze|文 wen man|"
        + "牛 niu|樊 fan|葛 ge kot|邢 xing ying|安 an on|齐 qi chai|易 yi yik|乔 qiao kiu|伍 wu ng|庞 pang pong|颜 yan ngan|倪 ni ngai|庄 zhuang chong|聂 nie nip|章 zhang cheung|"
        + "鲁 lu lo|岳 yue ngok|翟 zhai chak|殷 yin yan|詹 zhan chim|申 shen san|欧 ou au|耿 geng|关 guan kwan kuan|兰 lan|焦 jiao chiu|俞 yu yue|左 zuo cho|柳 liu lau|"
        + "甘 gan kam|祝 zhu chuk|包 bao pao|宁 ning ling|尚 shang sheung|符 fu|舒 shu|阮 ruan yuen|柯 ke or|纪 ji kei|梅 mei mui|童 tong tung|凌 ling|毕 bi bat|单 shan sin|"
        + "季 ji kwai|裴 pei pui|霍 huo fok|涂 tu to|成 cheng shing|苗 miao|谷 gu kuk|盛 sheng shing|曲 qu|翁 weng yung|冉 ran|骆 luo lok|蓝 lan|路 lu lo|游 you yau|"
        + "辛 xin sun|靳 jin|管 guan kwun|柴 chai|蒙 meng mung|鲍 bao pau|华 hua wah|喻 yu|祁 qi|蒲 pu|房 fang fong|滕 teng tang|屈 qu wat|饶 rao yiu|解 xie|牟 mou|艾 ai|"
        + "尤 you yau|阳 yang yeung|时 shi si|穆 mu muk|农 nong|司 si sze|卓 zhuo cheuk|古 gu ku|吉 ji kat|缪 miao|简 jian kan|车 che|项 xiang hong|连 lian lin|芦 lu|麦 mai mak|"
        + "褚 chu|娄 lou|窦 dou tau|戚 qi chik|岑 cen shum|景 jing king|党 dang tong|宫 gong kung|费 fei fai|卜 bu puk|冷 leng lang|晏 yan|席 xi|卫 wei wai|米 mi mai|柏 bai pak|"
        + "宗 zong chung|瞿 qu|桂 gui kwai|全 quan chuen|佟 tong|应 ying|臧 zang|闵 min man|苟 gou|邬 wu|边 bian|卞 bian pin|姬 ji|师 shi sze|和 he wo|仇 qiu chau|栾 luan|"
        + "隋 sui|商 shang|刁 diao tiu|沙 sha|荣 rong wing|巫 wu mo|寇 kou|桑 sang song|郎 lang long|甄 zhen yan|丛 cong|仲 zhong chung|虞 yu yue|敖 ao ngo|巩 gong kung|"
        + "明 ming|佘 she se|池 chi chi|查 zha cha|麻 ma|苑 yuan yuen|迟 chi|邝 kuang kwong|封 feng fung|蔺 lin|"
        + "欧阳 ouyang auyeung|司马 sima szema|上官 shangguan|诸葛 zhuge|东方 dongfang|皇甫 huangfu|令狐 linghu|慕容 murong|尉迟 yuchi|长孙 zhangsun|宇文 yuwen|司徒 situ szeto|"
        + "夏侯 xiahou|端木 duanmu|公孙 gongsun|轩辕 xuanyuan|百里 baili|呼延 huyan|南宫 nangong|独孤 dugu");

    private static Dictionary<string, IReadOnlySet<string>> Parse(string table) =>
        table.Split('|').Select(entry => entry.Split(' ')).ToDictionary(
            parts => parts[0],
            parts => (IReadOnlySet<string>)parts.Skip(1).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
}
