using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace OutreachBot.Domain.Directory.Search;

/// <summary>
/// Finds departments for a need written in a user's own words, in Chinese, English or both.
/// <list type="bullet">
/// <item>Text is folded first (traditional → simplified, full-width → ASCII, lower case), so "語音識別" is "语音识别".</item>
/// <item>The query is read into units (<see cref="QueryParser"/>): thesaurus words stand for their whole capability in both
/// languages ("付钱" matches "支付" and "payment"); stop words are dropped; generic words ("中心", "platform") count
/// only beside a real match; English typos, Chinese homophones and pinyin are read as the word they stand for.</item>
/// <item>Departments are indexed by field (names, keywords, description, the titles of their people): English by stem,
/// Chinese by every two- to four-character piece, and by the thesaurus capabilities their text mentions.</item>
/// <item>A department scores, for each unit, the rarity of what matched (idf) times the weight of the best field
/// that matched it; earlier outcomes of similar needs (<see cref="NeedHistory"/>) move it up or down.</item>
/// </list>
/// Immutable once built, so any number of threads may search it; build a new one when the directory changes.
/// </summary>
public sealed partial class DepartmentSearch
{
    private const int FieldCount = 5;
    private const float SynonymQuality = 0.9f;
    private const float PartialQuality = 0.6f;
    private const float WeakQuality = 0.5f;
    private const float TeamCloseness = 0.8f;
    private const float NameBonus = 0.2f;

    /// <summary>A business group's description sums up all its teams; it is seldom the partner itself.</summary>
    private const float GroupWeight = 0.75f;
    private const float GroupStepBack = 0.85f;
    private const float GenericWeight = 0.3f;

    /// <summary>A word outside the thesaurus may be incidental ("员工", "tools"); a capability word is what the need is about.</summary>
    private const float WordWeight = 0.7f;
    private const float MinRelativeScore = 0.2f;
    private const int SnippetContext = 36;
    private const int MaxChineseGram = 4;

    /// <summary>Names count most, then keywords, the description, and last the job titles of the people.</summary>
    private static readonly float[] FieldWeights = [1f, 1f, 0.8f, 0.55f, 0.3f];

    private readonly OrgDirectory directory;
    private readonly Department[] departments;
    private readonly string[][] texts;
    private readonly string[][] folded;
    private readonly FrozenDictionary<string, Postings> terms;
    private readonly Postings[] capabilities;
    private readonly Postings[] nestedCapabilities;
    private readonly string[][][] nameElements;
    private readonly string[] latinWords;
    private readonly string[] chineseNames;
    private readonly bool[] isGroup;
    private readonly int[] parentOf;

    private DepartmentSearch(
        OrgDirectory directory, SearchVocabulary vocabulary, Department[] departments, string[][] texts, string[][] folded,
        FrozenDictionary<string, Postings> terms, Postings[] capabilities, Postings[] nestedCapabilities,
        string[] latinWords, string[] chineseNames, string[][][]? nameElements = null)
    {
        this.directory = directory;
        Vocabulary = vocabulary;
        this.departments = departments;
        this.texts = texts;
        this.folded = folded;
        this.terms = terms;
        this.capabilities = capabilities;
        this.nestedCapabilities = nestedCapabilities;
        this.latinWords = latinWords;
        this.chineseNames = chineseNames;
        Parser = new QueryParser(vocabulary, latinWords, terms.ContainsKey, chineseNames);
        this.nameElements = nameElements ?? [.. departments.Select((_, d) => new[] { NameElements(folded[d][0]), NameElements(folded[d][1]) })];
        isGroup = [.. departments.Select(d => AlternativeDepartmentFinder.IsGenericGroup(directory, d))];
        var indexOf = departments.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        parentOf = [.. departments.Select(d => d.ParentId is { } parent && indexOf.TryGetValue(parent, out var i) ? i : -1)];
    }

    public OrgDirectory Directory => directory;

    public SearchVocabulary Vocabulary { get; }

    internal QueryParser Parser { get; }

    public static DepartmentSearch Build(OrgDirectory directory, SearchVocabulary? vocabulary = null)
    {
        vocabulary ??= SearchVocabulary.Default;
        var departments = directory.Departments.ToArray();
        var texts = new string[departments.Length][];
        var foldedTexts = new string[departments.Length][];
        var termLists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var capabilityLists = new List<int>[vocabulary.Capabilities.Count];
        var nestedLists = new List<int>[vocabulary.Capabilities.Count];
        var latinWords = new HashSet<string>(StringComparer.Ordinal);
        var chineseNames = new List<string>();
        for (var d = 0; d < departments.Length; d++)
        {
            texts[d] = [.. Enum.GetValues<DepartmentField>().Select(f => FieldText(directory, departments[d], f))];
            foldedTexts[d] = [.. texts[d].Select(ChineseText.Fold)];
            for (var f = 0; f < FieldCount; f++)
            {
                var posting = d * 8 + f;
                var analysis = FieldAnalysis.Of(foldedTexts[d][f], vocabulary);
                foreach (var word in analysis.LatinWords)
                {
                    Add(termLists, word.Stem, posting);
                    latinWords.Add(word.Text);
                }

                foreach (var gram in analysis.ChineseGrams)
                {
                    Add(termLists, gram, posting);
                }

                // Job titles ("Team Lead", "Account Manager") name no capability of the department.
                foreach (var capability in (DepartmentField)f == DepartmentField.Titles ? [] : analysis.Capabilities)
                {
                    AddPosting(capability.Primary ? capabilityLists[capability.Id] ??= [] : nestedLists[capability.Id] ??= [], posting);
                }
            }

            chineseNames.AddRange(ChineseRuns(foldedTexts[d][(int)DepartmentField.NameZh]));
            chineseNames.AddRange(departments[d].Keywords.Select(ChineseText.Fold).Where(k => k.Length > 1 && k.All(ChineseText.IsCjk)));
        }

        var count = departments.Length;
        var termPostings = termLists.ToFrozenDictionary(e => e.Key, e => Postings.Of(e.Value, count), StringComparer.Ordinal);
        var capabilityPostings = capabilityLists.Select(list => list is null ? Postings.None : Postings.Of(list, count)).ToArray();
        var nestedPostings = nestedLists.Select((list, i) => list is null ? Postings.None : Postings.Of(list, count) with { Idf = capabilityPostings[i].Idf > 0 ? capabilityPostings[i].Idf : Postings.Of(list, count).Idf }).ToArray();
        return new DepartmentSearch(directory, vocabulary, departments, texts, foldedTexts, termPostings, capabilityPostings, nestedPostings,
            [.. latinWords], [.. chineseNames]);

        static void Add(Dictionary<string, List<int>> map, string key, int posting) =>
            AddPosting(map.TryGetValue(key, out var list) ? list : map[key] = [], posting);

        static void AddPosting(List<int> list, int posting)
        {
            if (list.Count == 0 || list[^1] != posting)
            {
                list.Add(posting);
            }
        }
    }

    /// <summary>The capabilities a department's names, keywords and description are about (primary mentions).</summary>
    public IReadOnlySet<int> BusinessOf(string departmentId)
    {
        var d = Array.FindIndex(departments, x => x.Id == departmentId);
        var business = new HashSet<int>();
        if (d < 0)
        {
            return business;
        }

        for (var f = 0; f < (int)DepartmentField.Titles; f++)
        {
            business.UnionWith(FieldAnalysis.Of(folded[d][f], Vocabulary, withSpans: true).Capabilities.Where(c => c.Primary).Select(c => c.Id));
        }

        return business;
    }

    /// <summary>Reads a query the way <see cref="Search(string, int, NeedHistory?)"/> does, without searching.</summary>
    public SearchQuery Read(string query) => Parser.Parse(query);

    /// <summary>The best <paramref name="top"/> departments for the query, best first; empty for a blank or stop-word-only query.</summary>
    public IReadOnlyList<DepartmentHit> Search(string query, int top = 5, NeedHistory? history = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        if (string.IsNullOrWhiteSpace(query) || departments.Length == 0)
        {
            return [];
        }

        var read = Parser.Parse(query);
        if (read.IsEmpty)
        {
            return [];
        }

        var ranked = Rank(read, history);
        if (ranked.Count == 0)
        {
            return read.HasUnknownWords || read.Units.All(u => u.Kind != QueryUnitKind.Capability) ? Fallback(query, top) : [];
        }

        var best = ranked[0].Score;
        return [.. ranked.Where(r => r.Score >= best * MinRelativeScore).Take(top).Select(r => ToHit(r.Department, r.Score, read, r.History))];
    }

    /// <summary>Scores for every department that matched a non-generic unit, best first (ties by id).</summary>
    internal List<(int Department, float Score, HistoryNote? History)> Rank(SearchQuery read, NeedHistory? history)
    {
        var count = departments.Length;
        var total = ArrayPool<float>.Shared.Rent(count);
        var unitBest = ArrayPool<float>.Shared.Rent(count);
        var flags = ArrayPool<byte>.Shared.Rent(count);
        var sense = ArrayPool<byte>.Shared.Rent(count);
        Array.Clear(sense, 0, count);
        Array.Clear(total, 0, count);
        Array.Clear(unitBest, 0, count);
        Array.Clear(flags, 0, count);
        var touched = new List<int>();
        var unitTouched = new List<int>();
        try
        {
            foreach (var unit in read.Units)
            {
                unitTouched.Clear();
                foreach (var capability in unit.Capabilities)
                {
                    Accumulate(capabilities[capability], SynonymQuality, unitBest, unitTouched, sense, 1);
                    Accumulate(nestedCapabilities[capability], WeakQuality, unitBest, unitTouched, sense, 1);
                }

                foreach (var capability in unit.Broader)
                {
                    Accumulate(capabilities[capability], WeakQuality, unitBest, unitTouched, null, 0);
                }

                foreach (var key in unit.Keys)
                {
                    if (ExactPostings(unit, key) is { } exact)
                    {
                        // For a thesaurus word, the same word elsewhere may mean something else ("balance" in "load
                        // balancing"): full credit only where the department also speaks of the capability.
                        AccumulateExact(exact, unit.Kind == QueryUnitKind.Capability, unitBest, unitTouched, sense);
                    }
                }

                if (unit.Kind == QueryUnitKind.Characters || (unit.IsChinese && unit.Key.Length > MaxChineseGram))
                {
                    AccumulatePartial(unit.Key, unitBest, unitTouched);
                }

                var weight = unit.Generic ? GenericWeight : unit.Kind == QueryUnitKind.Capability ? 1f : WordWeight;
                foreach (var d in unitTouched)
                {
                    if (flags[d] == 0)
                    {
                        touched.Add(d);
                    }

                    total[d] += unitBest[d] * weight;
                    flags[d] |= unit.Generic ? (byte)1 : (byte)3;
                    unitBest[d] = 0;
                    sense[d] = 0;
                }
            }

            var needKeys = history is null || history.IsEmpty ? null : read.NeedKeys(Vocabulary);
            var ranked = new List<(int, float, HistoryNote?)>(touched.Count);
            foreach (var d in touched)
            {
                if ((flags[d] & 2) == 0)
                {
                    continue;
                }

                var note = needKeys is null ? null : history!.For(departments[d].Id, needKeys);
                var group = isGroup[d] ? GroupWeight : 1f;
                ranked.Add((d, total[d] * group * (note is null ? 1f : NeedHistory.Factor(note)), note));
            }

            if (ranked.Count > 1)
            {
                var elements = QueryElements(read);
                for (var i = 0; i < ranked.Count; i++)
                {
                    var (d, score, note) = ranked[i];
                    ranked[i] = (d, score * (1 + NameBonus * NameCoverage(d, elements)), note);
                }
            }

            PreferTheTeamThatDoesIt(ranked);
            // Departments are held in id order, so the lower index is the lower id.
            ranked.Sort((a, b) => b.Item2 != a.Item2 ? b.Item2.CompareTo(a.Item2) : a.Item1.CompareTo(b.Item1));
            return ranked;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(total);
            ArrayPool<float>.Shared.Return(unitBest);
            ArrayPool<byte>.Shared.Return(flags);
            ArrayPool<byte>.Shared.Return(sense);
        }
    }

    /// <summary>
    /// A group's description sums up what its teams do, so it matches nearly as well as the team itself: when a
    /// department below it scores close, the group steps back a little.
    /// </summary>
    private void PreferTheTeamThatDoesIt(List<(int Department, float Score, HistoryNote? History)> ranked)
    {
        if (ranked.Count < 2)
        {
            return;
        }

        // By department index: a broad query ranks thousands of departments at 20,000, and ids cost a lookup per ancestor.
        var count = departments.Length;
        var isRanked = ArrayPool<bool>.Shared.Rent(count);
        var best = ArrayPool<float>.Shared.Rent(count);
        Array.Clear(isRanked, 0, count);
        Array.Clear(best, 0, count);
        try
        {
            foreach (var (d, _, _) in ranked)
            {
                isRanked[d] = true;
            }

            foreach (var (d, score, _) in ranked)
            {
                for (var parent = parentOf[d]; parent >= 0; parent = parentOf[parent])
                {
                    if (isRanked[parent] && score > best[parent])
                    {
                        best[parent] = score;
                    }
                }
            }

            for (var i = 0; i < ranked.Count; i++)
            {
                var (d, score, note) = ranked[i];
                if (best[d] > 0 && best[d] >= score * TeamCloseness)
                {
                    ranked[i] = (d, score * GroupStepBack, note);
                }
            }
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(isRanked);
            ArrayPool<float>.Shared.Return(best);
        }
    }

    /// <summary>
    /// What a department's name is about: its thesaurus capabilities ("#id") and other words, generic and stop
    /// words left out. "Payments Platform" is about payments; "Cross-border Payments" about cross-border payments.
    /// </summary>
    private string[] NameElements(string name)
    {
        var analysis = FieldAnalysis.Of(name, Vocabulary);
        var elements = new HashSet<string>(StringComparer.Ordinal);
        var covered = new bool[name.Length];
        foreach (var mention in analysis.Capabilities.Where(m => m.Primary))
        {
            elements.Add("#" + mention.Id);
            Array.Fill(covered, true, mention.Span.Start, mention.Span.Length);
        }

        foreach (var word in analysis.LatinWords.Where(w => !covered[w.Start] && !Vocabulary.IsStopWord(w.Text) && !Vocabulary.IsGeneric(w.Text, w.Stem)))
        {
            elements.Add(word.Stem);
        }

        foreach (var (start, length) in FieldAnalysis.Runs(name))
        {
            foreach (var (at, n) in QueryParser.Segment(name.Substring(start, length)))
            {
                var word = name.Substring(start + at, n);
                if (n > 1 && !covered.AsSpan(start + at, n).Contains(true) && !Vocabulary.IsStopWord(word) && !Vocabulary.IsGeneric(word, word))
                {
                    elements.Add(word);
                }
            }
        }

        return [.. elements];
    }

    private static HashSet<string> QueryElements(SearchQuery read) =>
        [.. read.Units.Where(u => !u.Generic).SelectMany(u => u.Capabilities.Select(c => "#" + c).Concat(u.Keys))];

    /// <summary>The share of the better-matched name that the query covers: the department named after the need comes first.</summary>
    private float NameCoverage(int d, HashSet<string> elements)
    {
        var best = 0f;
        foreach (var name in nameElements[d])
        {
            if (name.Length > 0)
            {
                best = Math.Max(best, name.Count(elements.Contains) / (float)name.Length);
            }
        }

        return best;
    }

    private Postings? ExactPostings(QueryUnit unit, string key) =>
        unit.Kind != QueryUnitKind.Characters && terms.TryGetValue(key, out var exact) ? exact : null;

    private static void Accumulate(Postings postings, float quality, float[] unitBest, List<int> unitTouched, byte[]? sense, byte mark)
    {
        var score = postings.Idf * quality;
        foreach (var posting in postings.Items)
        {
            var d = posting >> 3;
            Raise(d, score * FieldWeights[posting & 7], unitBest, unitTouched);
            if (sense is not null)
            {
                sense[d] = mark;
            }
        }
    }

    private static void AccumulateExact(Postings postings, bool needsSense, float[] unitBest, List<int> unitTouched, byte[] sense)
    {
        foreach (var posting in postings.Items)
        {
            var d = posting >> 3;
            var quality = !needsSense || sense[d] != 0 ? 1f : WeakQuality;
            Raise(d, postings.Idf * quality * FieldWeights[posting & 7], unitBest, unitTouched);
        }
    }

    private static void Raise(int d, float s, float[] unitBest, List<int> unitTouched)
    {
        if (unitBest[d] == 0)
        {
            unitTouched.Add(d);
        }

        if (s > unitBest[d])
        {
            unitBest[d] = s;
        }
    }

    /// <summary>Unknown Chinese: the share of its two-character pieces a field holds, when at least half.</summary>
    private void AccumulatePartial(string key, float[] unitBest, List<int> unitTouched)
    {
        var pieces = Enumerable.Range(0, Math.Max(0, key.Length - 1)).Select(i => key.Substring(i, 2)).Distinct(StringComparer.Ordinal).ToList();
        if (pieces.Count == 0)
        {
            return;
        }

        var found = new Dictionary<int, (int Count, float Idf)>();
        foreach (var piece in pieces)
        {
            if (!terms.TryGetValue(piece, out var postings))
            {
                continue;
            }

            foreach (var posting in postings.Items)
            {
                var entry = found.GetValueOrDefault(posting);
                found[posting] = (entry.Count + 1, entry.Idf + postings.Idf);
            }
        }

        foreach (var (posting, (hits, idf)) in found)
        {
            var share = hits / (float)pieces.Count;
            if (share < 0.5f)
            {
                continue;
            }

            var d = posting >> 3;
            var s = idf / hits * share * PartialQuality * FieldWeights[posting & 7];
            if (unitBest[d] == 0)
            {
                unitTouched.Add(d);
            }

            if (s > unitBest[d])
            {
                unitBest[d] = s;
            }
        }
    }

    private DepartmentHit ToHit(int d, float score, SearchQuery read, HistoryNote? history)
    {
        var department = departments[d];
        var matches = Explain(d, read);
        var snippet = Snippet(d, matches);
        var reasons = matches
            .Where(m => !m.Unit.Generic)
            .GroupBy(m => m.Unit)
            .Select(g => g.OrderBy(m => m.Kind).ThenBy(m => m.Field).First())
            .Select(m => new MatchReason(m.Unit.Typed, m.Unit.Correction, m.Unit.CorrectedTo, m.Kind, m.Field, texts[d][(int)m.Field].Substring(m.Span.Start, m.Span.Length)))
            .OrderBy(r => r.Field)
            .ToList();
        return new DepartmentHit(department, directory.PathFromRoot(department.Id), directory.Head(department.Id), score, snippet)
        {
            Reasons = reasons,
            History = history,
        };
    }

    private sealed record FieldMatch(QueryUnit Unit, DepartmentField Field, MatchKind Kind, TextSpan Span);

    /// <summary>Where each unit matched in the department's fields, found again in the text (only for hits shown).</summary>
    private List<FieldMatch> Explain(int d, SearchQuery read)
    {
        var matches = new List<FieldMatch>();
        for (var f = 0; f < FieldCount; f++)
        {
            var text = folded[d][f];
            if (text.Length == 0 || !read.Units.Any(unit => MayMatch(unit, d * 8 + f)))
            {
                continue;
            }

            var analysis = FieldAnalysis.Of(text, Vocabulary, withSpans: true);
            foreach (var unit in read.Units)
            {
                foreach (var span in unit.Keys.SelectMany(analysis.Find))
                {
                    matches.Add(new FieldMatch(unit, (DepartmentField)f, MatchKind.Exact, span));
                }

                foreach (var capability in analysis.Capabilities)
                {
                    if (unit.Capabilities.Contains(capability.Id))
                    {
                        matches.Add(new FieldMatch(unit, (DepartmentField)f, MatchKind.Synonym, capability.Span));
                    }
                    else if (capability.Primary && unit.Broader.Contains(capability.Id))
                    {
                        matches.Add(new FieldMatch(unit, (DepartmentField)f, MatchKind.Related, capability.Span));
                    }
                }

                if (unit.Kind == QueryUnitKind.Characters || (unit.IsChinese && unit.Key.Length > MaxChineseGram))
                {
                    for (var i = 0; i + 1 < unit.Key.Length; i++)
                    {
                        foreach (var span in analysis.Find(unit.Key.Substring(i, 2)))
                        {
                            matches.Add(new FieldMatch(unit, (DepartmentField)f, MatchKind.Partial, span));
                        }
                    }
                }
            }
        }

        // A synonym that is in fact the very word typed reads as exact.
        return [.. matches.Select(m => m.Kind == MatchKind.Synonym && m.Unit.Keys.Any(k => folded[d][(int)m.Field].AsSpan(m.Span.Start, m.Span.Length).SequenceEqual(k)) ? m with { Kind = MatchKind.Exact } : m)];
    }

    /// <summary>Whether the index says the unit matches this department field at all (so only those fields are read again).</summary>
    private bool MayMatch(QueryUnit unit, int posting)
    {
        foreach (var capability in unit.Capabilities)
        {
            if (Array.BinarySearch(capabilities[capability].Items, posting) >= 0 || Array.BinarySearch(nestedCapabilities[capability].Items, posting) >= 0)
            {
                return true;
            }
        }

        foreach (var capability in unit.Broader)
        {
            if (Array.BinarySearch(capabilities[capability].Items, posting) >= 0)
            {
                return true;
            }
        }

        foreach (var key in unit.Keys)
        {
            if (terms.TryGetValue(key, out var exact) && Array.BinarySearch(exact.Items, posting) >= 0)
            {
                return true;
            }
        }

        if (unit.Kind == QueryUnitKind.Characters || (unit.IsChinese && unit.Key.Length > MaxChineseGram))
        {
            for (var i = 0; i + 1 < unit.Key.Length; i++)
            {
                if (terms.TryGetValue(unit.Key.Substring(i, 2), out var piece) && Array.BinarySearch(piece.Items, posting) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The field with the most exact matches (then the most matches, then the more important field), cut around its first match.</summary>
    private SearchSnippet Snippet(int d, List<FieldMatch> matches)
    {
        var best = matches
            .GroupBy(m => m.Field)
            .OrderByDescending(g => g.Where(m => m.Kind == MatchKind.Exact && !m.Unit.Generic).Select(m => m.Unit).Distinct().Count())
            .ThenByDescending(g => g.Where(m => !m.Unit.Generic).Select(m => m.Unit).Distinct().Count())
            .ThenBy(g => g.Key)
            .FirstOrDefault();
        if (best is null)
        {
            return new SearchSnippet(DepartmentField.NameZh, departments[d].NameZh, []);
        }

        return Cut(best.Key, texts[d][(int)best.Key], Merge(best.Select(m => m.Span)));
    }

    private IReadOnlyList<DepartmentHit> Fallback(string query, int top)
    {
        var needle = Normalize(query);
        if (needle.Length < 2)
        {
            return [];
        }

        return [.. Enumerable.Range(0, departments.Length)
            .Select(d => (Index: d, Similarity: new[] { departments[d].NameZh, departments[d].NameEn }.Concat(departments[d].Keywords)
                .Where(t => t.Length > 0).Select(Normalize).Max(term => Similarity(needle, term))))
            .Where(x => x.Similarity >= 0.5)
            .OrderByDescending(x => x.Similarity).ThenBy(x => departments[x.Index].Id, StringComparer.Ordinal)
            .Take(top)
            .Select(x =>
            {
                var department = departments[x.Index];
                var nameField = ChineseText.HasCjk(query) ? DepartmentField.NameZh : DepartmentField.NameEn;
                var name = nameField == DepartmentField.NameZh ? department.NameZh : department.NameEn;
                return new DepartmentHit(department, directory.PathFromRoot(department.Id), directory.Head(department.Id), (float)x.Similarity, new SearchSnippet(nameField, name, []));
            })];
    }

    internal static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (b.Contains(a, StringComparison.Ordinal) || a.Contains(b, StringComparison.Ordinal))
        {
            return Math.Min(a.Length, b.Length) / (double)Math.Max(a.Length, b.Length) * 0.5 + 0.5;
        }

        return 1 - TextDistance.Levenshtein(a, b) / (double)Math.Max(a.Length, b.Length);
    }

    private static string Normalize(string text) =>
        new([.. ChineseText.Fold(text).Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c))]);

    private static string FieldText(OrgDirectory directory, Department department, DepartmentField field) => field switch
    {
        DepartmentField.NameZh => department.NameZh,
        DepartmentField.NameEn => department.NameEn,
        DepartmentField.Keywords => string.Join("; ", department.Keywords),
        DepartmentField.Description => department.Description,
        _ => string.Join("; ", directory.Members(department.Id).Select(p => p.Title).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)),
    };

    private static IEnumerable<string> ChineseRuns(string text) =>
        FieldAnalysis.Runs(text).Where(run => run.Length > 1).Select(run => text.Substring(run.Start, run.Length));

    private static List<TextSpan> Merge(IEnumerable<TextSpan> spans)
    {
        var merged = new List<TextSpan>();
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && span.Start <= merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = last with { Length = Math.Max(last.Length, span.Start + span.Length - last.Start) };
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private static SearchSnippet Cut(DepartmentField field, string text, List<TextSpan> spans)
    {
        var start = Math.Max(0, spans[0].Start - SnippetContext);
        var end = Math.Min(text.Length, spans[0].Start + spans[0].Length + SnippetContext * 2);
        var prefix = start > 0 ? "…" : "";
        var suffix = end < text.Length ? "…" : "";
        var body = new StringBuilder().Append(prefix).Append(text, start, end - start).Append(suffix).ToString();
        var shifted = spans.Where(s => s.Start >= start && s.Start + s.Length <= end)
            .Select(s => s with { Start = s.Start - start + prefix.Length }).ToList();
        return new SearchSnippet(field, body, shifted);
    }

    /// <summary>Departments × fields holding a term (department × 8 + field, ascending) and the term's rarity.</summary>
    internal sealed record Postings(int[] Items, float Idf)
    {
        public static Postings None { get; } = new([], 0);

        public static Postings Of(List<int> items, int departmentCount)
        {
            var distinct = 0;
            var last = -1;
            foreach (var item in items)
            {
                if (item >> 3 != last)
                {
                    distinct++;
                    last = item >> 3;
                }
            }

            var idf = (float)Math.Log(1 + (departmentCount - distinct + 0.5) / (distinct + 0.5));
            return new Postings([.. items], idf);
        }
    }
}
