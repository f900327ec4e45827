using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using OutreachBot.Domain.Text;

namespace OutreachBot.Domain.Directory.Search;

/// <summary>
/// Keyword search over departments: names (zh/en), keywords, descriptions and the titles of the people in them.
/// Every text field is indexed twice: segmented by SmartCn (Chinese words; English lower-cased and Porter-stemmed)
/// and as CJK bigrams, which still match Chinese words SmartCn's dictionary splits differently. English terms of four
/// letters or more also match with typos (fuzzy); when nothing matches at all, names and keywords are compared by
/// edit distance. Immutable once built, so any number of threads may search it; build a new one when the directory changes.
/// </summary>
public sealed class DepartmentSearch
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string IdField = "id";
    private const string BigramSuffix = "_bi";
    private const float BigramWeight = 0.6f;
    private const float FuzzyWeight = 0.5f;
    private const int SnippetContext = 36;

    private static readonly Analyzer Words = new SmartChineseAnalyzer(Version);

    /// <summary>Term vectors with offsets let a hit be highlighted without analysing its text again.</summary>
    private static readonly FieldType TextWithOffsets = CreateTextWithOffsets();
    private static readonly Analyzer Bigrams = new CJKAnalyzer(Version);

    private static readonly (DepartmentField Field, string Name, float Boost)[] Fields =
    [
        (DepartmentField.NameZh, "name_zh", 4f),
        (DepartmentField.NameEn, "name_en", 4f),
        (DepartmentField.Keywords, "keywords", 3f),
        (DepartmentField.Description, "description", 2f),
        (DepartmentField.Titles, "titles", 1f),
    ];

    private readonly OrgDirectory directory;
    private readonly IndexSearcher searcher;
    private readonly Dictionary<string, string[]> fallbackTerms;

    private DepartmentSearch(OrgDirectory directory, IndexSearcher searcher, Dictionary<string, string[]> fallbackTerms)
    {
        this.directory = directory;
        this.searcher = searcher;
        this.fallbackTerms = fallbackTerms;
    }

    public OrgDirectory Directory => directory;

    public static DepartmentSearch Build(OrgDirectory directory)
    {
        var analyzer = new PerFieldAnalyzerWrapper(Words, Fields.ToDictionary(f => f.Name + BigramSuffix, _ => Bigrams));
        var index = new RAMDirectory();
        using (var writer = new IndexWriter(index, new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE }))
        {
            foreach (var department in directory.Departments)
            {
                var document = new Document { new StringField(IdField, department.Id, Field.Store.YES) };
                foreach (var (field, name, _) in Fields)
                {
                    var text = FieldText(directory, department, field);
                    document.Add(new Field(name, text, TextWithOffsets));
                    document.Add(new Field(name + BigramSuffix, text, TextWithOffsets));
                }

                writer.AddDocument(document);
            }

            writer.ForceMerge(1);
            writer.Commit();
        }

        var fallback = directory.Departments.ToDictionary(
            d => d.Id,
            d => new[] { d.NameZh, d.NameEn }.Concat(d.Keywords).Where(t => t.Length > 0).Select(Normalize).ToArray(),
            StringComparer.Ordinal);
        return new DepartmentSearch(directory, new IndexSearcher(DirectoryReader.Open(index)), fallback);
    }

    /// <summary>The best <paramref name="top"/> departments for the query, best first; empty for a blank query.</summary>
    public IReadOnlyList<DepartmentHit> Search(string query, int top = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        if (string.IsNullOrWhiteSpace(query) || directory.Departments.Count == 0)
        {
            return [];
        }

        var (luceneQuery, terms) = BuildQuery(query, searcher.IndexReader);
        if (luceneQuery.Clauses.Count == 0)
        {
            return Fallback(query, top);
        }

        var found = searcher.Search(luceneQuery, top);
        if (found.ScoreDocs.Length == 0)
        {
            return Fallback(query, top);
        }

        return [.. found.ScoreDocs.Select(hit =>
        {
            var department = directory.GetDepartment(searcher.Doc(hit.Doc).Get(IdField));
            return ToHit(department, hit.Score, Snippet(hit.Doc, department, terms));
        })];
    }

    /// <summary>One clause per query term (so documents matching more terms rank higher), each the best of the fields.</summary>
    /// <remarks>
    /// Fuzzy matching (one edit; a swap of two letters counts as one) only for English words the index does not know:
    /// a correctly spelled word needs no expansion, and expanding every word would cost most of the query time.
    /// </remarks>
    private static (BooleanQuery Query, QueryTerms Terms) BuildQuery(string query, IndexReader reader)
    {
        var result = new BooleanQuery();
        var terms = new QueryTerms([], [], []);
        foreach (var term in Analyze(Words, "name_zh", query).Select(t => t.Term).Distinct(StringComparer.Ordinal))
        {
            terms.Words.Add(term);
            var maxEdits = IsLatinWord(term) && term.Length >= 4 && Fields.All(f => reader.DocFreq(new Term(f.Name, term)) == 0) ? 1 : 0;
            if (maxEdits > 0)
            {
                terms.Fuzzy.Add((term, maxEdits));
            }

            var perTerm = new DisjunctionMaxQuery(0.1f);
            foreach (var (field, name, boost) in Fields)
            {
                perTerm.Add(new TermQuery(new Term(name, term)) { Boost = boost });
                if (maxEdits > 0 && field != DepartmentField.Titles)
                {
                    perTerm.Add(new FuzzyQuery(new Term(name, term), maxEdits, 1) { Boost = boost * FuzzyWeight });
                }
            }

            result.Add(perTerm, Occur.SHOULD);
        }

        foreach (var term in Analyze(Bigrams, "name_zh" + BigramSuffix, query).Select(t => t.Term).Where(HasCjk).Distinct(StringComparer.Ordinal))
        {
            terms.Bigrams.Add(term);
            var perTerm = new DisjunctionMaxQuery(0.1f);
            foreach (var (_, name, boost) in Fields)
            {
                perTerm.Add(new TermQuery(new Term(name + BigramSuffix, term)) { Boost = boost * BigramWeight });
            }

            result.Add(perTerm, Occur.SHOULD);
        }

        return (result, terms);
    }

    /// <summary>What the query looks for, to highlight without rewriting (expanding fuzzy terms) a second time.</summary>
    private sealed record QueryTerms(HashSet<string> Words, HashSet<string> Bigrams, List<(string Term, int MaxEdits)> Fuzzy)
    {
        public bool MatchesWord(string token) =>
            Words.Contains(token)
            || (IsLatinWord(token) && Fuzzy.Any(f => token[0] == f.Term[0] && Math.Abs(token.Length - f.Term.Length) <= f.MaxEdits && TextDistance.Levenshtein(token, f.Term) <= f.MaxEdits));
    }

    private DepartmentHit ToHit(Department department, float score, SearchSnippet snippet) =>
        new(department, directory.PathFromRoot(department.Id), directory.Head(department.Id), score, snippet);

    /// <summary>The highest-boosted field that holds a matched term, cut around its first match.</summary>
    private SearchSnippet Snippet(int doc, Department department, QueryTerms terms)
    {
        var vectors = searcher.IndexReader.GetTermVectors(doc);
        foreach (var (field, name, _) in Fields)
        {
            var spans = Offsets(vectors?.GetTerms(name), terms.MatchesWord)
                .Concat(terms.Bigrams.Count == 0 ? [] : Offsets(vectors?.GetTerms(name + BigramSuffix), terms.Bigrams.Contains));
            var merged = Merge(spans);
            if (merged.Count > 0)
            {
                return Cut(field, FieldText(directory, department, field), merged);
            }
        }

        return new SearchSnippet(DepartmentField.NameZh, department.NameZh, []);
    }

    private static IEnumerable<TextSpan> Offsets(Terms? fieldTerms, Func<string, bool> matches)
    {
        if (fieldTerms is null)
        {
            yield break;
        }

        var termsEnum = fieldTerms.GetEnumerator();
        while (termsEnum.MoveNext())
        {
            if (!matches(termsEnum.Term.Utf8ToString()))
            {
                continue;
            }

            var positions = termsEnum.DocsAndPositions(null, null, DocsAndPositionsFlags.OFFSETS);
            if (positions is null || positions.NextDoc() == DocIdSetIterator.NO_MORE_DOCS)
            {
                continue;
            }

            for (var i = 0; i < positions.Freq; i++)
            {
                positions.NextPosition();
                yield return new TextSpan(positions.StartOffset, positions.EndOffset - positions.StartOffset);
            }
        }
    }

    private static FieldType CreateTextWithOffsets()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED)
        {
            StoreTermVectors = true,
            StoreTermVectorPositions = true,
            StoreTermVectorOffsets = true,
        };
        type.Freeze();
        return type;
    }

    private IReadOnlyList<DepartmentHit> Fallback(string query, int top)
    {
        var needle = Normalize(query);
        if (needle.Length < 2)
        {
            return [];
        }

        return [.. fallbackTerms
            .Select(entry => (Id: entry.Key, Similarity: entry.Value.Max(term => Similarity(needle, term))))
            .Where(x => x.Similarity >= 0.5)
            .OrderByDescending(x => x.Similarity).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(top)
            .Select(x =>
            {
                var department = directory.GetDepartment(x.Id);
                var nameField = HasCjk(query) ? DepartmentField.NameZh : DepartmentField.NameEn;
                var name = nameField == DepartmentField.NameZh ? department.NameZh : department.NameEn;
                return ToHit(department, (float)x.Similarity, new SearchSnippet(nameField, name, []));
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
        new([.. text.ToLowerInvariant().Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c))]);

    private static string FieldText(OrgDirectory directory, Department department, DepartmentField field) => field switch
    {
        DepartmentField.NameZh => department.NameZh,
        DepartmentField.NameEn => department.NameEn,
        DepartmentField.Keywords => string.Join("; ", department.Keywords),
        DepartmentField.Description => department.Description,
        _ => string.Join("; ", directory.Members(department.Id).Select(p => p.Title).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)),
    };

    private static List<(string Term, TextSpan Span)> Analyze(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<(string, TextSpan)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), new TextSpan(offset.StartOffset, offset.EndOffset - offset.StartOffset)));
        }

        stream.End();
        return tokens;
    }

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

    private static bool IsLatinWord(string term) => term.All(char.IsAsciiLetter);

    private static bool HasCjk(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');
}
