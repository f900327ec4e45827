namespace OutreachBot.DemoData;

/// <summary>Chinese names with their pinyin, for a bilingual directory; e-mail addresses stay unique.</summary>
internal sealed class NameFactory(Random random)
{
    public const string EmailDomain = "xinghai.example.com";

    private static readonly (string Zh, string Pinyin)[] Surnames =
    [
        ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao"),
        ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"),
        ("何", "He"), ("林", "Lin"), ("罗", "Luo"), ("高", "Gao"), ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"),
        ("唐", "Tang"), ("许", "Xu"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao"), ("彭", "Peng"), ("曾", "Zeng"),
        ("肖", "Xiao"), ("田", "Tian"), ("董", "Dong"), ("潘", "Pan"), ("袁", "Yuan"), ("蒋", "Jiang"), ("蔡", "Cai"), ("余", "Yu"),
        ("杜", "Du"), ("叶", "Ye"), ("程", "Cheng"), ("魏", "Wei"), ("苏", "Su"), ("吕", "Lyu"), ("丁", "Ding"), ("任", "Ren"),
        ("沈", "Shen"), ("姚", "Yao"), ("卢", "Lu"), ("钟", "Zhong"), ("姜", "Jiang"), ("崔", "Cui"), ("谭", "Tan"), ("陆", "Lu"),
        ("范", "Fan"), ("汪", "Wang"), ("廖", "Liao"), ("石", "Shi"), ("金", "Jin"), ("韦", "Wei"), ("贾", "Jia"), ("夏", "Xia"),
        ("欧阳", "Ouyang"), ("上官", "Shangguan"),
    ];

    private static readonly (string Zh, string Pinyin)[] GivenParts =
    [
        ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("强", "qiang"), ("磊", "lei"),
        ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("娟", "juan"), ("涛", "tao"), ("明", "ming"),
        ("超", "chao"), ("秀", "xiu"), ("霞", "xia"), ("平", "ping"), ("刚", "gang"), ("桂", "gui"), ("文", "wen"), ("华", "hua"),
        ("建", "jian"), ("国", "guo"), ("晓", "xiao"), ("海", "hai"), ("思", "si"), ("雨", "yu"), ("欣", "xin"), ("宇", "yu"),
        ("浩", "hao"), ("然", "ran"), ("子", "zi"), ("涵", "han"), ("梓", "zi"), ("轩", "xuan"), ("嘉", "jia"), ("怡", "yi"),
        ("博", "bo"), ("文", "wen"), ("俊", "jun"), ("佳", "jia"), ("琪", "qi"), ("鹏", "peng"), ("飞", "fei"), ("婷", "ting"),
        ("慧", "hui"), ("颖", "ying"), ("志", "zhi"), ("远", "yuan"), ("晨", "chen"), ("阳", "yang"), ("天", "tian"), ("一", "yi"),
        ("诗", "shi"), ("瑶", "yao"), ("凯", "kai"), ("琳", "lin"), ("昊", "hao"), ("睿", "rui"), ("泽", "ze"), ("楠", "nan"),
    ];

    private readonly HashSet<string> emails = new(StringComparer.Ordinal);

    public (string Zh, string En, string Email) Next()
    {
        var (surnameZh, surnamePinyin) = Surnames[random.Next(Surnames.Length)];
        var first = GivenParts[random.Next(GivenParts.Length)];
        var given = random.Next(3) == 0 ? [first] : new[] { first, GivenParts[random.Next(GivenParts.Length)] };
        var givenZh = string.Concat(given.Select(g => g.Zh));
        var givenPinyin = string.Concat(given.Select(g => g.Pinyin));
        givenPinyin = char.ToUpperInvariant(givenPinyin[0]) + givenPinyin[1..];
        var local = $"{givenPinyin}.{surnamePinyin}".ToLowerInvariant();
        var email = $"{local}@{EmailDomain}";
        for (var n = 2; !emails.Add(email); n++)
        {
            email = $"{local}{n}@{EmailDomain}";
        }

        return (surnameZh + givenZh, $"{givenPinyin} {surnamePinyin}", email);
    }
}
