using System.Text;
using System.Text.RegularExpressions;

namespace OutreachBot.Domain.Outreaches;

/// <summary>Which of the three points a note is.</summary>
public enum NoteRole
{
    Background,
    Support,
    Benefit,
}

/// <summary>How a note can be put into a message; each shape has its own frame in the message templates.</summary>
public enum NoteShape
{
    /// <summary>A noun phrase (in English also a gerund or a clause): "access to your gateway events" / "支付网关的交易事件接口".</summary>
    Phrase,

    /// <summary>What the partner would do, starting with the verb: "open up your tracking API" / "开放物流轨迹查询 API".</summary>
    Action,

    /// <summary>A complete sentence (or several) that stands on its own.</summary>
    Sentence,

    /// <summary>Cannot be embedded safely (another language, a question): quoted as the user wrote it.</summary>
    Quoted,
}

/// <summary>A note made ready for a message: its text without closing punctuation, and how it can be embedded.</summary>
public sealed record PitchNote(string Text, NoteShape Shape);

/// <summary>
/// Reads the three points as notes, not as sentences to paste: the partner becomes the reader (对方/他们 → 贵部门/你们,
/// "they/their" → "you/your", "CRM Products's" → "your"), list markers, doubled and closing punctuation go, and the
/// note's shape decides its frame, so that a fragment is never spliced into a sentence it does not fit.
/// Pronouns refer to the partner unless a customer-like noun comes closer before them in the same sentence; in the
/// product background they are left alone unless the partner was named just before.
/// </summary>
public static partial class NoteReader
{
    public static PitchNote? Read(string? note, NoteRole role, Language language, DepartmentRef partner, int maxWeight)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return null;
        }

        var noteLanguage = LanguageOf(note);
        var text = Clean(note, noteLanguage);
        if (text.Length == 0)
        {
            return null;
        }

        text = Brief(text, maxWeight);
        var read = noteLanguage == Language.Chinese ? Chinese.Read(text, role, partner) : English.Read(text, role, partner);
        return noteLanguage != language || note.Contains('?') || note.Contains('？') ? new PitchNote(read.Text, NoteShape.Quoted) : read;
    }

    /// <summary>Chinese when CJK characters weigh at least as much as Latin letters.</summary>
    public static Language LanguageOf(string text)
    {
        var cjk = 0;
        var latin = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (PrepValidator.IsCjk(rune) && Rune.IsLetter(rune))
            {
                cjk++;
            }
            else if (rune.IsAscii && Rune.IsLetter(rune))
            {
                latin++;
            }
        }

        return cjk * 3 >= latin && cjk > 0 ? Language.Chinese : Language.English;
    }

    /// <summary>One line: list markers out (items joined), repeated and closing punctuation gone, "+"/"=" read as words.</summary>
    internal static string Clean(string note, Language language)
    {
        var text = note.Trim().Trim('"', '“', '”', '「', '」', '\'', '‘', '’').Trim();
        var items = ListMarker().Split(text)
            .Select(item => TrimPunctuation(Whitespace().Replace(item, " ")))
            .Where(item => item.Length > 0)
            .ToList();
        if (items.Count == 0)
        {
            return string.Empty;
        }

        text = language == Language.Chinese
            ? string.Join("，", items)
            : items.Count == 1 ? items[0] : string.Join(", ", items[..^1]) + " and " + items[^1];
        text = RepeatedPunctuation().Replace(text, "$1");
        if (language == Language.Chinese)
        {
            text = text.Replace("……", "，").Replace("…", "，").Replace("...", "，");
            text = ChinesePlus().Replace(text, "和");
            text = text.Replace("＋", "和");
        }
        else
        {
            text = text.Replace("...", ", ").Replace("…", ", ");
            text = SpacedPlus().Replace(text, " and ");
            text = SpacedAmpersand().Replace(text, " and ");
            text = EnglishEquals().Replace(text, " — ");
            text = SpacedHyphen().Replace(text, " — ");
            text = Whitespace().Replace(text, " ").Replace(" ,", ",");
        }

        return TrimPunctuation(text);
    }

    /// <summary>The first sentence when the note is over its budget (the article: don't dump everything), else the note.</summary>
    internal static string Brief(string text, int maxWeight)
    {
        if (PrepValidator.Weight(text) <= maxWeight)
        {
            return text;
        }

        var end = text.IndexOfAny(['。', '！', '!', '；', ';']);
        var dot = text.IndexOf(". ", StringComparison.Ordinal);
        var cut = new[] { end, dot }.Where(i => i > 0).DefaultIfEmpty(-1).Min();
        if (cut > 0 && PrepValidator.Weight(text[..cut]) <= maxWeight)
        {
            return TrimPunctuation(text[..cut]);
        }

        var builder = new StringBuilder();
        var weight = 0;
        var lastBreak = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            weight += PrepValidator.IsCjk(rune) ? 2 : 1;
            if (weight > maxWeight)
            {
                break;
            }

            if (rune.Value is '，' or ',' or '、' or ' ')
            {
                lastBreak = builder.Length;
            }

            builder.Append(rune.ToString());
        }

        var kept = lastBreak > builder.Length / 2 ? builder.ToString(0, lastBreak) : builder.ToString();
        return TrimPunctuation(kept) + "…";
    }

    internal static string TrimPunctuation(string text) =>
        text.Trim().Trim('。', '.', '！', '!', '？', '?', '；', ';', '，', ',', '、', '：', ':', '…', '-', '—', '•', '·', '*', ' ').Trim();

    [GeneratedRegex(@"(?:^|(?<=[\s\u3000-\u303F\uFF00-\uFFEF\u4E00-\u9FFF]))(?:\d{1,2}[.)、）](?!\d)|[\u2460-\u2469])\s*|(?:^|(?<=\n))[ \t]*[-*•·▪][ \t]+|[ \t]+[•▪][ \t]+|[\r\n]+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"([！!？?。，,；;])\1+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RepeatedPunctuation();

    [GeneratedRegex(@"(?<=[^\s+])\s*\+\s*(?=[^\s+])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ChinesePlus();

    [GeneratedRegex(@"\s+\+\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpacedPlus();

    [GeneratedRegex(@"\s+&\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpacedAmpersand();

    [GeneratedRegex(@"\s*(?:=>|->|→|=)\s*", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EnglishEquals();

    [GeneratedRegex(@"\s+-{1,2}\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpacedHyphen();

    /// <summary>Chinese notes: 对方/他们/该部门 become 贵部门/你们, and the note's opening decides its frame.</summary>
    private static partial class Chinese
    {
        private static readonly string[] ThirdParties =
        [
            "客户", "用户", "商户", "商家", "银行", "医院", "学校", "高校", "门店", "企业", "品牌", "保险公司", "景区", "城市", "供应商", "消费者", "游客",
            "会员", "零售商", "卖家", "买家", "厂商", "竞品", "竞争对手", "政府", "机构", "运营商", "经销商", "代理商", "合作方", "老板",
        ];

        private static readonly string[] PartnerMarkers = ["贵部门", "你们"];

        /// <summary>What a partner does for us; a note starting with one of these goes after "想请贵部门".</summary>
        private static readonly string[] PartnerVerbs =
        [
            "开放", "提供", "授权", "共享", "分享", "协助", "支持", "配合", "输出", "开通", "指导", "安排", "派", "给", "帮忙", "帮", "允许", "评估",
            "审核", "参与", "投入", "打通", "推送", "出具", "借给", "对接我们", "接入我们",
        ];

        /// <summary>What we do with the partner's capability; such a note reads as "我们希望…".</summary>
        private static readonly string[] OurVerbs = ["接入", "对接", "使用", "调用", "借用", "复用", "集成", "引入", "获取", "拿到", "申请", "合作", "联合"];

        private static readonly string[] BenefitVerbs =
        [
            "增加", "带来", "拓展", "扩大", "扩展", "提升", "完成", "获得", "打开", "进入", "新增", "创造", "多出", "实现", "帮助", "增长", "提高", "拿到", "赚",
        ];

        public static PitchNote Read(string text, NoteRole role, DepartmentRef partner)
        {
            text = Perspective(text, role, partner);
            return role switch
            {
                NoteRole.Support => Support(text),
                NoteRole.Benefit => Benefit(text),
                _ => new PitchNote(text, NoteShape.Sentence),
            };
        }

        private static PitchNote Support(string text)
        {
            if (text.Contains("方面给予支持", StringComparison.Ordinal) || text.Contains("方面的支持", StringComparison.Ordinal))
            {
                return new PitchNote(text, NoteShape.Sentence);
            }

            var asked = ChineseAsk().Match(text);
            if (asked.Success)
            {
                var rest = asked.Groups["rest"].Value;
                return rest.StartsWith('在') ? new PitchNote(text, NoteShape.Sentence) : Action(rest, text);
            }

            var subject = ChinesePartnerSubject().Match(text);
            if (subject.Success && StartsWithAny(subject.Groups["rest"].Value, PartnerVerbs))
            {
                return new PitchNote(subject.Groups["rest"].Value, NoteShape.Action);
            }

            var needs = ChineseNeed().Match(text);
            if (needs.Success)
            {
                return Phrase(needs.Groups["rest"].Value);
            }

            if (StartsWithAny(text, ["我们", "我方", "咱们", "我", "想", "希望", "请", "麻烦", "对于", "如果"]))
            {
                return new PitchNote(text, NoteShape.Sentence);
            }

            if (StartsWithAny(text, PartnerVerbs))
            {
                return new PitchNote(text, NoteShape.Action);
            }

            if (StartsWithAny(text, OurVerbs))
            {
                return new PitchNote("我们希望" + text, NoteShape.Sentence);
            }

            return Phrase(text);
        }

        private static PitchNote Action(string rest, string whole) =>
            StartsWithAny(rest, PartnerVerbs) ? new PitchNote(rest, NoteShape.Action)
            : StartsWithAny(rest, OurVerbs) ? new PitchNote("我们希望" + rest, NoteShape.Sentence)
            : rest.StartsWith('的') ? Phrase(rest[1..])
            : StartsWithAny(whole, ["想", "希望", "请", "麻烦"]) ? new PitchNote(whole, NoteShape.Sentence)
            : new PitchNote(rest, NoteShape.Action);

        /// <summary>A noun phrase: "贵部门的…" at its start is dropped, because the frame already says whose it is.</summary>
        private static PitchNote Phrase(string text)
        {
            var stripped = ChinesePossessive().Replace(text, string.Empty, 1).Trim();
            return new PitchNote(stripped.Length > 0 ? stripped : text, NoteShape.Phrase);
        }

        private static PitchNote Benefit(string text)
        {
            text = ChineseLabel().Replace(text, string.Empty, 1);
            if (text.Length == 0)
            {
                return new PitchNote(text, NoteShape.Phrase);
            }

            if (ChineseForYou().IsMatch(text))
            {
                return new PitchNote(text, NoteShape.Sentence);
            }

            if (text.StartsWith('是'))
            {
                return new PitchNote("对贵部门来说，这" + text, NoteShape.Sentence);
            }

            if (PartnerMarkers.Any(m => text.Contains(m, StringComparison.Ordinal)) || text.Contains('您'))
            {
                return StartsWithAny(text, ["能", "可以", "可", "会", "将"]) ? new PitchNote("这" + text, NoteShape.Sentence)
                    : StartsWithAny(text, ["给", "帮", "让", "使", "为"]) || StartsWithAny(text, BenefitVerbs) ? new PitchNote("这能" + text, NoteShape.Sentence)
                    : new PitchNote(text, NoteShape.Sentence);
            }

            return new PitchNote(text, NoteShape.Phrase);
        }

        private static string Perspective(string text, NoteRole role, DepartmentRef partner)
        {
            if (partner.NameZh.Trim().Length >= 3)
            {
                text = text.Replace(partner.NameZh + "部门", "贵部门", StringComparison.Ordinal).Replace(partner.NameZh, "贵部门", StringComparison.Ordinal);
            }

            text = text.Replace("对方部门", "贵部门", StringComparison.Ordinal)
                .Replace("对方团队", "你们团队", StringComparison.Ordinal)
                .Replace("对方", "贵部门", StringComparison.Ordinal)
                .Replace("该部门", "贵部门", StringComparison.Ordinal)
                .Replace("其部门", "贵部门", StringComparison.Ordinal);

            var builder = new StringBuilder(text.Length);
            var sentenceStart = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is '。' or '！' or '？' or '；' or ';')
                {
                    sentenceStart = builder.Length + 1;
                }

                if (i + 1 < text.Length && text[i + 1] == '们' && text[i] is '他' or '她')
                {
                    var before = builder.ToString(sentenceStart, builder.Length - sentenceStart);
                    var thirdParty = ThirdParties.Select(t => before.LastIndexOf(t, StringComparison.Ordinal)).Max();
                    var partnerMark = PartnerMarkers.Select(m => before.LastIndexOf(m, StringComparison.Ordinal)).Max();
                    var isPartner = partnerMark > thirdParty || (thirdParty < 0 && partnerMark < 0 && role != NoteRole.Background);
                    if (isPartner)
                    {
                        var rest = text.AsSpan(i + 2);
                        if (rest.StartsWith("部门"))
                        {
                            builder.Append("贵部门");
                            i += 3;
                        }
                        else
                        {
                            builder.Append("你们");
                            i += 1;
                        }

                        continue;
                    }
                }

                builder.Append(text[i]);
            }

            return builder.ToString().Replace("贵部门部门", "贵部门", StringComparison.Ordinal);
        }

        private static bool StartsWithAny(string text, IEnumerable<string> prefixes) => prefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary>English notes: "they/their/the partner's" become "you/your", and the opening word decides the frame.</summary>
    private static partial class English
    {
        private static readonly HashSet<string> ThirdParties = new(StringComparer.OrdinalIgnoreCase)
        {
            "customers", "clients", "users", "merchants", "sellers", "buyers", "banks", "hospitals", "insurers", "brands", "stores", "shops", "schools",
            "universities", "cities", "suppliers", "manufacturers", "retailers", "chains", "companies", "enterprises", "businesses", "consumers", "visitors",
            "members", "parks", "agents", "competitors", "vendors", "consultants", "managers", "people", "teams", "restaurants", "dealers", "distributors",
            "governments", "agencies", "bosses", "partners", "hotels", "airlines", "carriers", "insurance",
        };

        /// <summary>What a partner does for us, in the base form: "open up…" → "could your team open up…".</summary>
        private static readonly HashSet<string> PartnerVerbs = new(StringComparer.OrdinalIgnoreCase)
        {
            "provide", "open", "share", "expose", "give", "grant", "lend", "allow", "let", "help", "offer", "enable", "set", "assign", "host", "review",
            "approve", "whitelist", "allowlist", "document", "send", "sign", "create", "deploy", "add", "make", "extend", "unlock", "support", "build",
            "run", "introduce", "arrange", "join", "commit", "dedicate", "prioritise", "prioritize", "connect", "publish", "release", "supply",
        };

        /// <summary>What we do with the partner's capability: "integrate your API" → "We'd like to integrate your API".</summary>
        private static readonly HashSet<string> OurVerbs = new(StringComparer.OrdinalIgnoreCase)
        {
            "integrate", "use", "call", "consume", "reuse", "embed", "obtain", "get", "leverage", "plug", "tap", "borrow", "resell", "bundle", "white-label",
        };

        /// <summary>Verbs in the third person a benefit often starts with: "opens a new revenue line" → "This opens…".</summary>
        private static readonly HashSet<string> EffectVerbs = new(StringComparer.OrdinalIgnoreCase)
        {
            "opens", "brings", "adds", "gives", "increases", "expands", "helps", "lets", "makes", "creates", "drives", "generates", "grows", "boosts",
            "raises", "improves", "extends", "unlocks", "means", "provides", "offers", "puts", "turns", "counts", "contributes", "doubles", "enables",
            "takes", "gets", "moves", "pushes", "puts", "lands", "delivers", "adds", "strengthens", "diversifies", "widens", "broadens", "reaches",
        };

        private static readonly HashSet<string> BenefitActions = new(StringComparer.OrdinalIgnoreCase)
        {
            "open", "bring", "add", "grow", "expand", "increase", "reach", "sell", "get", "gain", "win", "earn", "enter", "tap", "monetise", "monetize",
            "boost", "raise", "hit", "meet", "extend", "unlock", "widen", "broaden", "diversify", "build", "land", "make", "become",
        };

        /// <summary>Words that keep their capital when a note is embedded mid-sentence.</summary>
        private static readonly HashSet<string> ProperWords = new(StringComparer.Ordinal)
        {
            "I", "Mandarin", "Cantonese", "English", "Chinese", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
            "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Teams", "Excel", "Android",
            "Apple", "Google", "Microsoft", "WeChat", "Alipay",
        };

        public static PitchNote Read(string text, NoteRole role, DepartmentRef partner)
        {
            text = Possessives(Perspective(text, role, partner));
            return role switch
            {
                NoteRole.Support => Support(text, partner),
                NoteRole.Benefit => Benefit(text, partner),
                _ => new PitchNote(Capitalise(text), NoteShape.Sentence),
            };
        }

        /// <summary>"CRM Products's" → "CRM Products'": a name ending in s takes a bare apostrophe.</summary>
        internal static string Possessives(string text) => PluralPossessive().Replace(text, "$1'");

        private static PitchNote Support(string text, DepartmentRef partner)
        {
            var askedToAct = EnglishAskToAct().Match(text);
            if (askedToAct.Success)
            {
                return new PitchNote(askedToAct.Groups["rest"].Value, NoteShape.Action);
            }

            var partnerActs = EnglishPartnerSubject().Match(text);
            if (partnerActs.Success && PartnerVerbs.Contains(FirstWord(partnerActs.Groups["rest"].Value)))
            {
                return new PitchNote(partnerActs.Groups["rest"].Value, NoteShape.Action);
            }

            var need = EnglishBareNeed().Match(text);
            if (need.Success)
            {
                var verb = need.Groups["verb"].Value.ToLowerInvariant();
                var lead = verb.StartsWith("need", StringComparison.Ordinal) ? "We need " : "We'd like ";
                return new PitchNote(lead + need.Groups["rest"].Value, NoteShape.Sentence);
            }

            var first = FirstWord(text);
            if (first.Length == 0)
            {
                return new PitchNote(text, NoteShape.Quoted);
            }

            if (IsClause(text))
            {
                return new PitchNote(Capitalise(text), NoteShape.Sentence);
            }

            var second = SecondWord(text);
            if (PartnerVerbs.Contains(first) && !IsPreposition(second))
            {
                return new PitchNote(Decapitalise(text, partner), NoteShape.Action);
            }

            if (OurVerbs.Contains(first) && !IsPreposition(second))
            {
                return new PitchNote("We'd like to " + Decapitalise(text, partner), NoteShape.Sentence);
            }

            return new PitchNote(Decapitalise(text, partner), NoteShape.Phrase);
        }

        private static PitchNote Benefit(string text, DepartmentRef partner)
        {
            var it = EnglishIt().Match(text);
            if (it.Success)
            {
                var rest = it.Groups["rest"].Value;
                return new PitchNote(it.Groups["be"].Success ? "This is " + rest : "This " + rest, NoteShape.Sentence);
            }

            if (IsClause(text))
            {
                return new PitchNote(Capitalise(text), NoteShape.Sentence);
            }

            var first = FirstWord(text);
            if (EffectVerbs.Contains(first))
            {
                return new PitchNote("This " + Decapitalise(text, partner), NoteShape.Sentence);
            }

            if (first.Equals("to", StringComparison.OrdinalIgnoreCase) && BenefitActions.Contains(SecondWord(text)))
            {
                return new PitchNote(text[3..].TrimStart(), NoteShape.Action);
            }

            if (BenefitActions.Contains(first) && !IsPreposition(SecondWord(text)))
            {
                return new PitchNote(Decapitalise(text, partner), NoteShape.Action);
            }

            var phrase = Decapitalise(text, partner);
            return ForYou().IsMatch(phrase) ? new PitchNote("This means " + phrase, NoteShape.Sentence) : new PitchNote(phrase, NoteShape.Phrase);
        }

        private static string Perspective(string text, NoteRole role, DepartmentRef partner)
        {
            if (partner.NameEn.Trim().Contains(' ', StringComparison.Ordinal))
            {
                var name = Regex.Escape(partner.NameEn.Trim());
                text = Regex.Replace(text, $@"\b(?:the\s+)?{name}(?:['’]s?|['’])(?=\s)", "your", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
                text = Regex.Replace(text, $@"\b(?:the\s+)?{name}(?:\s+(?:team|department|group))?\b", "your team", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
            }

            text = PartnerPossessive().Replace(text, m => MatchCase(m.Value, "your"));
            text = PartnerNoun().Replace(text, m => MatchCase(m.Value, "your team"));

            var builder = new StringBuilder(text.Length);
            var referent = Referent.None;
            foreach (Match token in Token().Matches(text))
            {
                var word = token.Value;
                if (!char.IsLetter(word[0]))
                {
                    if (word.IndexOfAny(['.', '!', '?', ';']) >= 0)
                    {
                        referent = Referent.None;
                    }

                    builder.Append(word);
                    continue;
                }

                var lower = word.ToLowerInvariant().Replace('’', '\'');
                if (ThirdParties.Contains(lower))
                {
                    referent = Referent.ThirdParty;
                }
                else if (lower is "you" or "your" or "yours" or "yourselves")
                {
                    referent = Referent.Partner;
                }
                else if (TheyForms.TryGetValue(lower, out var you))
                {
                    var isPartner = referent == Referent.Partner || (referent == Referent.None && role != NoteRole.Background);
                    if (isPartner)
                    {
                        builder.Append(MatchCase(word, you));
                        referent = Referent.Partner;
                        continue;
                    }
                }

                builder.Append(word);
            }

            return builder.ToString();
        }

        private static readonly Dictionary<string, string> TheyForms = new(StringComparer.Ordinal)
        {
            ["they"] = "you",
            ["them"] = "you",
            ["their"] = "your",
            ["theirs"] = "yours",
            ["themselves"] = "yourselves",
            ["they're"] = "you're",
            ["they've"] = "you've",
            ["they'll"] = "you'll",
            ["they'd"] = "you'd",
        };

        private enum Referent
        {
            None,
            Partner,
            ThirdParty,
        }

        /// <summary>
        /// A note that starts with a subject ("We need…", "You can sell…") is a sentence; one that starts with "your"/"our"
        /// is a sentence only when a verb follows in its first clause ("Your API gets more calls"), else a noun phrase
        /// ("your OCR API; we do the integration").
        /// </summary>
        private static bool IsClause(string text)
        {
            if (EnglishSubject().IsMatch(text))
            {
                return true;
            }

            if (!EnglishPossessiveStart().IsMatch(text))
            {
                return false;
            }

            var firstClause = text.Split([',', ';', ':', '—', '('])[0];
            return Word().Matches(firstClause).Select(m => m.Value).Skip(1).Any(w => FiniteVerbs.Contains(w) || EffectVerbs.Contains(w));
        }

        private static readonly HashSet<string> FiniteVerbs = new(StringComparer.OrdinalIgnoreCase)
        {
            "is", "are", "was", "were", "will", "would", "can", "could", "should", "may", "might", "must", "has", "have", "had", "earns", "stays", "pays",
            "sells", "goes", "keeps", "becomes", "wins", "sees", "gains", "does", "shows", "needs", "wants", "costs", "saves", "sits",
        };

        private static string MatchCase(string original, string replacement) =>
            char.IsUpper(original[0]) ? char.ToUpperInvariant(replacement[0]) + replacement[1..] : replacement;

        private static string FirstWord(string text) => Word().Match(text) is { Success: true } m ? m.Value : string.Empty;

        private static string SecondWord(string text)
        {
            var match = Word().Match(text);
            return match.Success && match.NextMatch() is { Success: true } next ? next.Value : string.Empty;
        }

        private static bool IsPreposition(string word) => word.ToLowerInvariant() is "to" or "for" or "of" or "from" or "with" or "on" or "in" or "at" or "by";

        private static string Capitalise(string text) => text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

        /// <summary>Lower-cases the first word for use mid-sentence, unless it is an acronym, a name or a proper word.</summary>
        private static string Decapitalise(string text, DepartmentRef partner)
        {
            var first = FirstWord(text);
            if (first.Length == 0 || !char.IsUpper(first[0]) || ProperWords.Contains(first))
            {
                return text;
            }

            var restIsLower = first.Skip(1).All(c => !char.IsLetter(c) || char.IsLower(c));
            var isAcronym = first.Length == 1 ? first != "A" : !restIsLower;
            var isName = partner.NameEn.StartsWith(first + " ", StringComparison.Ordinal) || partner.NameEn == first;
            return isAcronym || isName || !text.StartsWith(first, StringComparison.Ordinal)
                ? text
                : char.ToLowerInvariant(first[0]) + text[1..];
        }

        [GeneratedRegex(@"[A-Za-z][A-Za-z’'\-]*|[^A-Za-z]+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
        private static partial Regex Token();

        [GeneratedRegex(@"[A-Za-z][A-Za-z’'\-]*", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
        private static partial Regex Word();

        [GeneratedRegex(@"\b((?:[A-Za-z]+)s)['’]s\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
        private static partial Regex PluralPossessive();

        [GeneratedRegex(@"\b(?:the\s+)?(?:other\s+(?:team|department|side|group)|partner(?:\s+(?:team|department))?)['’]s?(?=\s)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
        private static partial Regex PartnerPossessive();

        [GeneratedRegex(@"\b(?:the\s+)?(?:other\s+(?:team|department|side|group)|partner\s+(?:team|department)|partner)\b(?!\s+(?:banks?|companies|company|hospitals?|schools?|merchants?|stores?))", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
        private static partial Regex PartnerNoun();

        [GeneratedRegex(@"^(?:(?:we|i)(?:['’]d|\s+would)?\s+(?:really\s+)?(?:need|like|want|hope|are\s+hoping|'re\s+hoping)\s+|(?:need|would\s+like|want)\s+)(?:you|your\s+team)\s+to\s+(?<rest>.+)$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
        private static partial Regex EnglishAskToAct();

        [GeneratedRegex(@"^(?:you|your\s+team)\s+(?:(?:could|can|would|will|should|to)\s+)?(?<rest>.+)$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
        private static partial Regex EnglishPartnerSubject();

        [GeneratedRegex(@"^(?<verb>needs?|would\s+like|wants?|require[sd]?)\s+(?<rest>.+)$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
        private static partial Regex EnglishBareNeed();

        [GeneratedRegex(@"^(?:we|i|you|they)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
        private static partial Regex EnglishSubject();

        [GeneratedRegex(@"^(?:our|my|your|their)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
        private static partial Regex EnglishPossessiveStart();


        [GeneratedRegex(@"^(?:it|this|that)(?:(?<be>['’]s)\s+|\s+)(?<rest>.+)$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
        private static partial Regex EnglishIt();

        /// <summary>"… for you" ending a phrase or one of its clauses: "For your team, this means" would say it twice.</summary>
        [GeneratedRegex(@"\bfor\s+(?:you|your\s+(?:team|department|side|group))(?=\s*(?:$|[,;:—–-]|\s(?:and|plus)\b))", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
        private static partial Regex ForYou();
    }

    [GeneratedRegex(@"^(?:我们|我方|咱们|我)?(?:这边)?(?:也)?(?:需要|希望|想请|想让|想要|请|麻烦|拜托)(?:贵部门|你们)(?:团队)?(?<rest>.+)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ChineseAsk();

    [GeneratedRegex(@"^(?:贵部门|你们)(?:团队)?(?:可以|能|能够|来)?(?<rest>.+)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ChinesePartnerSubject();

    [GeneratedRegex(@"^(?:我们|我方)?(?:需要|想要|要)(?<rest>.+)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ChineseNeed();

    [GeneratedRegex(@"^(?:贵部门|你们)(?:团队)?的?", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ChinesePossessive();

    [GeneratedRegex(@"^(?:(?:贵部门|你们)(?:团队)?\s*[：:]|(?:好处|收益|价值|回报)(?:是)?\s*[：:]?)\s*", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ChineseLabel();

    [GeneratedRegex(@"^(?:对|给)(?:贵部门|你们)(?:团队)?(?:来说|而言)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ChineseForYou();
}
