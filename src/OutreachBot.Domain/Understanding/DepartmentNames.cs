using System.Collections.Frozen;
using OutreachBot.Domain.Directory;
using OutreachBot.Domain.Directory.Search;

namespace OutreachBot.Domain.Understanding;

/// <summary>How a department was named in a text.</summary>
public enum NameMatch
{
    /// <summary>A name, short name, id, keyword or person's name as written.</summary>
    Exact,

    /// <summary>Chinese characters (or pinyin) that sound like the name ("大数剧" → 大数据, "zhifu中台" → 支付中台).</summary>
    SoundsLike,

    /// <summary>An English name one or two edits away ("big dta", "paymnets").</summary>
    Typo,

    /// <summary>Part of a longer name ("语音" of 语音交互团队, "speech" of speech recognition).</summary>
    Partial,
}

/// <param name="Score">0–1: how surely the words mean this department (exact name 1; a shared keyword or a partial name less).</param>
/// <param name="Person">Set when the department was found through one of its people's names.</param>
public sealed record DepartmentCandidate(Department Department, double Score, NameMatch How, Person? Person = null);

/// <summary>Words of a text [Start, End) (folded positions) that name a department; candidates best first.</summary>
public sealed record NameMention(int Start, int End, IReadOnlyList<DepartmentCandidate> Candidates)
{
    public DepartmentCandidate Best => Candidates[0];

    public double Score => Candidates[0].Score;

    /// <summary>Several departments fit about equally well.</summary>
    public bool IsAmbiguous => Candidates.Count > 1 && Candidates[1].Score >= Candidates[0].Score - DepartmentNames.CloseCall;

    public bool Overlaps(int start, int end) => start < End && Start < end;
}

/// <summary>What a department name typed by a user resolves to.</summary>
public abstract record DepartmentResolution
{
    private DepartmentResolution()
    {
    }

    public sealed record Found(DepartmentCandidate Candidate) : DepartmentResolution
    {
        public Department Department => Candidate.Department;
    }

    /// <summary>No sure answer: the best candidates (possibly one weak one), to ask about.</summary>
    public sealed record Unsure(IReadOnlyList<DepartmentCandidate> Candidates) : DepartmentResolution;

    public sealed record NotFound : DepartmentResolution;
}

/// <summary>
/// Every way a department of the directory can be called, built once per directory version: its names in both languages,
/// the names without their generic endings ("语音交互团队" → 语音交互, "Payments Platform" → payments), the parts of a name
/// joined by 与/和/&amp; ("地图与位置服务部" → 地图, 位置服务), its id, its keywords, and its people's names. Reads a text
/// for the departments it names — as written, by sound (homophones and pinyin, through the search's pinyin table),
/// with English typos, or by part of a name — and resolves a typed name to one department or a short list to ask about.
/// No company's names are written here: everything comes from the directory.
/// </summary>
public sealed class DepartmentNames
{
    /// <summary>A candidate this close to the best is as likely (ask rather than pick).</summary>
    public const double CloseCall = 0.03;

    /// <summary>At least this sure to take a department without asking.</summary>
    public const double Sure = 0.8;

    /// <summary>Below this a name is not worth mentioning even as a question.</summary>
    public const double Worth = 0.6;

    private const int MaxSpanTokens = 8;
    private const int MaxSpanKey = 24;

    private static readonly char[] ChineseJoiners = ['与', '和', '及', '、', '&', '/', '+'];

    private readonly Department[] departments;
    private readonly Person[] people;
    private readonly FrozenDictionary<string, Alias[]> exact;
    private readonly FrozenDictionary<string, Alias[]> sounds;
    private readonly FrozenDictionary<string, Alias[]> deletes;
    private readonly FrozenDictionary<string, Piece[]> pieces;
    private readonly FrozenDictionary<string, Department> byId;

    private DepartmentNames(Department[] departments, Person[] people, List<Alias> aliases)
    {
        this.departments = departments;
        this.people = people;
        byId = departments.GroupBy(d => d.Id, StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        exact = Group(aliases.Select(a => (a.Key, a)));
        sounds = Group(aliases.Where(a => a.Source != NameSource.Person && ChineseText.HasCjk(a.Key)).Select(a => (Key: SoundKey(a.Key), Alias: a)).Where(e => e.Key is not null).Select(e => (e.Key!, e.Alias)));
        deletes = Group(aliases.Where(a => a.Source != NameSource.Person && IsLatin(a.Key) && a.Key.Length >= 5).SelectMany(a => Deletions(a.Key).Append(a.Key).Distinct().Select(d => (d, a))));
        pieces = aliases.Where(a => a.Source != NameSource.Person).SelectMany(PiecesOf).GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Piece).ToArray(), StringComparer.Ordinal);
    }

    public static DepartmentNames Empty { get; } = Build([], []);

    public IReadOnlyList<Department> Departments => departments;

    public static DepartmentNames Build(IEnumerable<Department> departments, IEnumerable<Person> people)
    {
        var list = departments.ToArray();
        var persons = people.ToArray();
        var aliases = new List<Alias>();
        for (var d = 0; d < list.Length; d++)
        {
            aliases.AddRange(AliasesOf(list[d], d));
        }

        var known = list.Select((department, index) => (department.Id, index)).ToDictionary(e => e.Id, e => e.index, StringComparer.OrdinalIgnoreCase);
        for (var p = 0; p < persons.Length; p++)
        {
            if (!known.TryGetValue(persons[p].DepartmentId, out var department))
            {
                continue;
            }

            foreach (var key in PersonKeys(persons[p]))
            {
                aliases.Add(new Alias(department, key, NameSource.Person, p));
            }
        }

        return new DepartmentNames(list, persons, [.. aliases.DistinctBy(a => (a.Department, a.Key, a.Source, a.Person))]);
    }

    public static DepartmentNames Build(OrgDirectory directory) => Build(directory.Departments, directory.People);

    /// <summary>The names of a directory, built once per directory instance (a new import is a new instance).</summary>
    public static DepartmentNames Of(OrgDirectory directory) => Built.GetValue(directory, Build);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OrgDirectory, DepartmentNames> Built = [];

    public Department? FindById(string id) => byId.GetValueOrDefault(id.Trim());

    /// <summary>
    /// The departments a text names, the surest first, each span of words used once (a longer name wins over the
    /// shorter ones inside it: "大数据" over "数据"). Mentions below <see cref="Worth"/> are left out.
    /// </summary>
    public IReadOnlyList<NameMention> Mentions(FoldedText text)
    {
        var tokens = text.Tokens;
        var spans = new List<NameMention>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var key = string.Empty;
            for (var j = i; j < tokens.Count && j < i + MaxSpanTokens; j++)
            {
                if (j > i && (tokens[j].Start - tokens[j - 1].End > 1 || (tokens[j].Start > tokens[j - 1].End && text.Text[tokens[j - 1].End] != ' ')))
                {
                    break;
                }

                key += tokens[j].Key;
                if (key.Length > MaxSpanKey)
                {
                    break;
                }

                if (key.Length < 2 || (key.Length < 3 && IsLatin(key)))
                {
                    continue;
                }

                var candidates = Match(key, tokens, i, j);
                if (candidates.Count > 0)
                {
                    spans.Add(new NameMention(tokens[i].Start, tokens[j].End, candidates));
                }
            }
        }

        var chosen = new List<NameMention>();
        foreach (var span in spans.OrderByDescending(s => s.Score + (0.05 * TokenCount(text, s))).ThenBy(s => s.Start))
        {
            if (span.Score >= Worth && !chosen.Any(c => c.Overlaps(span.Start, span.End)))
            {
                chosen.Add(span);
            }
        }

        return [.. chosen.OrderByDescending(c => c.Score).ThenByDescending(c => c.End - c.Start)];
    }

    private static int TokenCount(FoldedText text, NameMention mention) =>
        text.Tokens.Count(t => t.Start >= mention.Start && t.End <= mention.End);

    /// <summary>
    /// What a typed department name means: an id, or the surest mention in it. <paramref name="preferred"/> (e.g. the
    /// departments on the user's outreaches) wins among close candidates, so "语音" is the speech team the user courts.
    /// </summary>
    public DepartmentResolution Resolve(string text, IReadOnlyCollection<string>? preferred = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new DepartmentResolution.NotFound();
        }

        if (FindById(text) is { } byIdMatch)
        {
            return new DepartmentResolution.Found(new DepartmentCandidate(byIdMatch, 1, NameMatch.Exact));
        }

        // The whole text exactly as a department's name first: a name may hold quotes or apostrophes ("奥'布莱恩"数据"部")
        // that split it into separate mentions, none of them the department meant.
        var folded = new FoldedText(text);
        var whole = FoldedText.Key(text);
        if (folded.Tokens.Count > 0 && exact.ContainsKey(whole))
        {
            return Decide(Match(whole, folded.Tokens, 0, folded.Tokens.Count - 1), preferred);
        }

        var mentions = Mentions(folded);
        if (mentions.Count == 0)
        {
            return new DepartmentResolution.NotFound();
        }

        return Decide(mentions[0].Candidates, preferred);
    }

    /// <summary>Sure and alone → found; otherwise the candidates worth asking about (the preferred ones first).</summary>
    public static DepartmentResolution Decide(IReadOnlyList<DepartmentCandidate> candidates, IReadOnlyCollection<string>? preferred = null)
    {
        if (candidates.Count == 0)
        {
            return new DepartmentResolution.NotFound();
        }

        var best = candidates[0].Score;
        if (preferred is { Count: > 0 })
        {
            var mine = candidates.Where(c => c.Score >= best - 0.1 && preferred.Contains(c.Department.Id, StringComparer.OrdinalIgnoreCase)).ToList();
            if (mine.Count == 1 && mine[0].Score >= Sure - 0.1)
            {
                return new DepartmentResolution.Found(mine[0]);
            }
        }

        var close = candidates.Where(c => c.Score >= best - CloseCall).ToList();
        return close.Count == 1 && best >= Sure
            ? new DepartmentResolution.Found(close[0])
            : new DepartmentResolution.Unsure([.. candidates.Take(5)]);
    }

    private List<DepartmentCandidate> Match(string key, IReadOnlyList<TextToken> tokens, int from, int to)
    {
        var found = new Dictionary<int, DepartmentCandidate>();
        void Offer(Alias alias, double quality, NameMatch how)
        {
            var score = quality * (0.85 + (0.15 * Strength(alias.Source)));
            var candidate = new DepartmentCandidate(departments[alias.Department], score, how, alias.Person >= 0 ? people[alias.Person] : null);
            if (!found.TryGetValue(alias.Department, out var known) || known.Score < score)
            {
                found[alias.Department] = candidate;
            }
        }

        if (exact.TryGetValue(key, out var exactAliases))
        {
            foreach (var alias in exactAliases)
            {
                Offer(alias, 1, NameMatch.Exact);
            }
        }

        if (found.Count == 0 && SoundKeyOfTyped(key, tokens, from, to) is { } sound && sounds.TryGetValue(sound, out var soundAliases))
        {
            foreach (var alias in soundAliases)
            {
                Offer(alias, 0.9, NameMatch.SoundsLike);
            }
        }

        if (found.Count == 0 && IsLatin(key) && key.Length >= 5)
        {
            var allowed = key.Length >= 9 ? 2 : 1;
            foreach (var alias in Deletions(key).Append(key).SelectMany(d => deletes.GetValueOrDefault(d) ?? []).Distinct())
            {
                var distance = TextDistance.OptimalStringAlignment(key, alias.Key);
                if (distance > 0 && distance <= allowed)
                {
                    Offer(alias, 1 - (0.12 * distance), NameMatch.Typo);
                }
            }
        }

        var single = from == to;
        var pieceKey = ChineseText.HasCjk(key) ? key : single ? key : null;
        if (found.Count == 0 && pieceKey is not null && !NameVocabulary.IsGeneric(pieceKey) && pieces.TryGetValue(pieceKey, out var partial))
        {
            foreach (var piece in partial)
            {
                Offer(piece.Alias, 0.5 + (0.4 * piece.Coverage) + (piece.Prefix ? 0.08 : 0), NameMatch.Partial);
            }
        }

        return [.. found.Values.OrderByDescending(c => c.Score).ThenBy(c => c.Department.Id, StringComparer.Ordinal)];
    }

    /// <summary>The pinyin of a typed span: Chinese characters by sound, Latin words kept when they are pinyin ("zhifu中台").</summary>
    private static string? SoundKeyOfTyped(string key, IReadOnlyList<TextToken> tokens, int from, int to)
    {
        var hasCjk = false;
        var parts = new List<string>();
        for (var i = from; i <= to; i++)
        {
            if (tokens[i].IsCjk)
            {
                hasCjk = true;
                if (ChineseText.PinyinOf(tokens[i].Text[0]) is not { } syllable)
                {
                    return null;
                }

                parts.Add(syllable);
            }
            else if (FoldedText.Key(tokens[i].Text) is var latin && ChineseText.PinyinSyllableCount(latin) > 0)
            {
                parts.Add(latin);
            }
            else
            {
                return null;
            }
        }

        // Latin alone is read as pinyin only when it is long enough not to be an English word by chance.
        return hasCjk || key.Length >= 6 ? string.Concat(parts) : null;
    }

    private static string? SoundKey(string aliasKey)
    {
        var parts = new List<string>();
        foreach (var c in aliasKey)
        {
            if (ChineseText.IsCjk(c))
            {
                if (ChineseText.PinyinOf(c) is not { } syllable)
                {
                    return null;
                }

                parts.Add(syllable);
            }
            else
            {
                parts.Add(c.ToString());
            }
        }

        return string.Concat(parts);
    }

    private static double Strength(NameSource source) => source switch
    {
        NameSource.Name => 1,
        NameSource.ShortName => 0.95,
        NameSource.Id => 0.9,
        NameSource.Person => 0.9,
        _ => 0.75,
    };

    private static IEnumerable<Alias> AliasesOf(Department department, int index)
    {
        var zh = ChineseText.Fold(department.NameZh.Trim());
        if (zh.Length > 0)
        {
            yield return new Alias(index, FoldedText.Key(zh), NameSource.Name);
            foreach (var shortName in NameVocabulary.ChineseShortNames(FoldedText.Key(zh)))
            {
                yield return new Alias(index, shortName, NameSource.ShortName);
            }

            if (zh.IndexOfAny(ChineseJoiners) > 0)
            {
                foreach (var part in zh.Split(ChineseJoiners, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var partKey = NameVocabulary.StripChineseSuffix(FoldedText.Key(part));
                    if (partKey.Length >= 2 && !NameVocabulary.IsGeneric(partKey))
                    {
                        yield return new Alias(index, partKey, NameSource.ShortName);
                    }
                }
            }
        }

        var en = new FoldedText(department.NameEn).Tokens.Select(t => t.Text).ToList();
        if (en.Count > 0)
        {
            yield return Alias.Latin(index, [.. en.Select(LatinKey)], NameSource.Name);
            yield return Alias.Latin(index, [.. NameVocabulary.StripEnglishSuffix(en).Select(LatinKey)], NameSource.ShortName);
            var words = new FoldedText(department.NameEn.Replace("&", " and ", StringComparison.Ordinal)).Text.Split(' ');
            var joined = words.Select((w, i) => (w, i)).Where(e => e.w is "and" or "/").Select(e => e.i).ToList();
            if (joined.Count > 0)
            {
                var parts = new List<List<string>> { new() };
                foreach (var word in words)
                {
                    if (word is "and" or "/")
                    {
                        parts.Add([]);
                    }
                    else if (FoldedText.Key(word).Length > 0)
                    {
                        parts[^1].Add(FoldedText.Key(word));
                    }
                }

                foreach (var part in parts.Where(p => p.Count > 0))
                {
                    var partWords = NameVocabulary.StripEnglishSuffix(part).Select(LatinKey).ToList();
                    var partKey = string.Concat(partWords);
                    if (partKey.Length >= 3 && !NameVocabulary.IsGeneric(partKey))
                    {
                        yield return Alias.Latin(index, partWords, NameSource.ShortName);
                    }
                }
            }
        }

        var id = ChineseText.HasCjk(department.Id) ? FoldedText.Key(department.Id) : LatinKey(department.Id);
        if (id.Length >= 2)
        {
            yield return new Alias(index, id, NameSource.Id);
        }

        foreach (var keyword in department.Keywords)
        {
            var folded = new FoldedText(keyword);
            var key = FoldedText.Key(folded.Text);
            if (key.Length < 2 || NameVocabulary.IsGeneric(key))
            {
                continue;
            }

            yield return folded.HasCjk ? new Alias(index, key, NameSource.Keyword) : Alias.Latin(index, [.. folded.Tokens.Select(t => t.Key)], NameSource.Keyword);
        }
    }

    private static IEnumerable<string> PersonKeys(Person person)
    {
        var zh = FoldedText.Key(person.NameZh);
        if (zh.Length is >= 2 and <= 4 && zh.All(ChineseText.IsCjk))
        {
            yield return zh;
        }

        var words = new FoldedText(person.NameEn).Tokens.Select(t => t.Key).Where(k => k.Length > 0).ToList();
        if (words.Count >= 2)
        {
            yield return string.Concat(words);
            yield return string.Concat(Enumerable.Reverse(words));
        }
    }

    /// <summary>Pieces of a name (two characters or more, or a whole English word of a longer name) that may stand for it.</summary>
    private static IEnumerable<(string Key, Piece Piece)> PiecesOf(Alias alias)
    {
        var key = alias.Key;
        if (key.All(ChineseText.IsCjk))
        {
            for (var length = 2; length < key.Length; length++)
            {
                for (var start = 0; start + length <= key.Length; start++)
                {
                    var piece = key.Substring(start, length);
                    if (!NameVocabulary.IsGeneric(piece))
                    {
                        yield return (piece, new Piece(alias, (double)length / key.Length, start == 0));
                    }
                }
            }
        }
        else if (alias.Words is { Length: > 1 } words)
        {
            // A word of an English name or keyword ("speech" of "speech recognition").
            for (var i = 0; i < words.Length; i++)
            {
                if (words[i].Length >= 4 && !NameVocabulary.IsGeneric(words[i]))
                {
                    yield return (words[i], new Piece(alias, (double)words[i].Length / key.Length, i == 0));
                }
            }
        }
    }

    private static string LatinKey(string word) => LatinWords.Stem(FoldedText.Key(word));

    private static bool IsLatin(string key) => key.Length > 0 && key.All(c => c < 0x3000);

    private static IEnumerable<string> Deletions(string key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            yield return key.Remove(i, 1);
        }
    }

    private static FrozenDictionary<string, Alias[]> Group(IEnumerable<(string Key, Alias Alias)> entries) =>
        entries.GroupBy(e => e.Key, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Select(e => e.Alias).Distinct().ToArray(), StringComparer.Ordinal);

    private enum NameSource
    {
        Name,
        ShortName,
        Id,
        Keyword,
        Person,
    }

    private sealed record Alias(int Department, string Key, NameSource Source, int Person = -1, string[]? Words = null)
    {
        public static Alias Latin(int department, IReadOnlyList<string> words, NameSource source) =>
            new(department, string.Concat(words), source, Words: [.. words]);
    }

    private sealed record Piece(Alias Alias, double Coverage, bool Prefix);
}
