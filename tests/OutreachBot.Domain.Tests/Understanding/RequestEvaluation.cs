using System.Globalization;
using System.Text;
using OutreachBot.Domain.Tests.Directory;
using OutreachBot.Domain.Understanding;

namespace OutreachBot.Domain.Tests.Understanding;

/// <summary>One line of an evaluation set (tests/OutreachBot.Domain.Tests/Understanding/Eval/*.tsv).</summary>
internal sealed record EvaluationRequest(string Language, string Kind, IReadOnlyList<string> Commands, IReadOnlyDictionary<string, string[]> Slots, string Text)
{
    public static IReadOnlyList<EvaluationRequest> Load(string path) =>
        [.. File.ReadLines(Path.Combine(DemoCompany.RepositoryRoot, "tests", "OutreachBot.Domain.Tests", "Understanding", "Eval", path), Encoding.UTF8)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(cells => new EvaluationRequest(cells[0], cells[1], cells[2].Split('|'), ParseSlots(cells[3]), cells[4]))];

    private static Dictionary<string, string[]> ParseSlots(string text) =>
        text == "-"
            ? []
            : text.Split(';').Select(pair => pair.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1].Split('|'), StringComparer.Ordinal);
}

/// <param name="Asked">The reading was right but not sure enough to act on: the bot asks first.</param>
internal sealed record RequestEvaluationResult(EvaluationRequest Request, RecognizedRequest Read, bool Correct, bool Asked, string Why);

/// <summary>
/// Compares what the bot reads from each request with what the set expects. The clock is the sets' (Tuesday
/// 2026-11-24 14:20 in Asia/Shanghai); a find's need is compared the way the search reads it (same need keys), an
/// idea loosely, a reminder by the instant and subject the reminder parser gives.
/// </summary>
internal sealed class RequestEvaluation(OrgDirectory directory)
{
    public const string TimeZoneId = "Asia/Shanghai";

    public static readonly DateTimeOffset Now = new(2026, 11, 24, 6, 20, 0, TimeSpan.Zero);

    private readonly DepartmentSearch search = DepartmentSearch.Build(directory);
    private readonly ReminderTimeParser reminders = new(new FakeTimeProvider(Now));

    public static DateTime LocalNow => TimeZoneInfo.ConvertTime(Now, TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId)).DateTime;

    public IReadOnlyList<RequestEvaluationResult> Run(IEnumerable<EvaluationRequest> requests, Func<string, RecognizedRequest> read) =>
        [.. requests.Select(request => Judge(request, read(request.Text)))];

    public RequestEvaluationResult Judge(EvaluationRequest request, RecognizedRequest read)
    {
        var problems = new List<string>();
        if (!request.Commands.Contains(read.Intent))
        {
            problems.Add($"read as {read.Intent}");
        }
        else
        {
            CheckSlots(request, read, problems);
        }

        var changesData = read.Intent is "outcome" or "remind" or "language" or "timezone" or "iam";
        var asked = read.Intent != RecognizedRequest.Unknown && read.Confidence < (changesData ? RecognizedRequest.SureToChange : RecognizedRequest.SureToRead);
        return new RequestEvaluationResult(request, read, problems.Count == 0, asked, string.Join("; ", problems));
    }

    private void CheckSlots(EvaluationRequest request, RecognizedRequest read, List<string> problems)
    {
        var slots = read.Slots;
        var department = slots.Department?.Best.Department.Id;
        if (request.Slots.TryGetValue("dept", out var departments))
        {
            if (department is null || !departments.Contains(department))
            {
                problems.Add($"department {department ?? "none"}");
            }
        }
        else if (read.Intent is "status" or "org" or "referrals" or "pitch" or "brief" && (department is not null || slots.Raw is not null))
        {
            problems.Add($"department {department ?? slots.Raw} where none was named");
        }

        Expect("outcome", slots.Outcome);
        Expect("lang", slots.Language);
        Expect("tz", slots.TimeZone);
        Expect("email", slots.Email);
        Expect("scope", slots.Scope);
        Expect("months", slots.Months?.ToString(CultureInfo.InvariantCulture));
        if (request.Slots.TryGetValue("query", out var query) && !SameNeed(query[0], slots.Query))
        {
            problems.Add($"need \"{slots.Query}\"");
        }

        if (request.Slots.TryGetValue("idea", out var idea) ? !Similar(idea[0], slots.Idea) : read.Intent == "new" && slots.Idea is not null)
        {
            problems.Add($"idea \"{slots.Idea}\"");
        }

        if (request.Slots.TryGetValue("due", out var due))
        {
            switch (reminders.Parse(slots.Text ?? string.Empty, TimeZoneId))
            {
                case ReminderTimeParsed parsed:
                    if (parsed.DueUtc != DateTimeOffset.Parse(due[0].Replace("Z", ":00Z", StringComparison.Ordinal), CultureInfo.InvariantCulture))
                    {
                        problems.Add($"due {parsed.DueUtc:yyyy-MM-ddTHH:mm}Z");
                    }

                    if (request.Slots.TryGetValue("what", out var what) && FoldedText.Key(what[0]) != FoldedText.Key(parsed.What))
                    {
                        problems.Add($"what \"{parsed.What}\"");
                    }

                    break;
                case ReminderTimeQuestion question:
                    problems.Add($"asks ({question.Kind})");
                    break;
            }
        }

        void Expect(string key, string? actual)
        {
            if (request.Slots.TryGetValue(key, out var expected) && (actual is null || !expected.Contains(actual, StringComparer.OrdinalIgnoreCase)))
            {
                problems.Add($"{key} {actual ?? "none"}");
            }
        }
    }

    private bool SameNeed(string expected, string? actual) =>
        actual is not null && search.Read(expected).NeedKeys(search.Vocabulary).Order().SequenceEqual(search.Read(actual).NeedKeys(search.Vocabulary).Order());

    private static bool Similar(string expected, string? actual)
    {
        if (actual is null)
        {
            return false;
        }

        var (a, b) = (FoldedText.Key(expected), FoldedText.Key(actual));
        return 1 - ((double)Domain.Text.TextDistance.Levenshtein(a, b) / Math.Max(a.Length, b.Length)) >= 0.75;
    }
}

/// <summary>Accuracy over a set, by language and kind, and every miss.</summary>
internal sealed record EvaluationReport(IReadOnlyList<RequestEvaluationResult> Results)
{
    public double Accuracy => Results.Count(r => r.Correct) / (double)Results.Count;

    public double AccuracyIn(string language) => Results.Where(r => r.Request.Language == language).Count(r => r.Correct) / (double)Results.Count(r => r.Request.Language == language);

    /// <summary>Correct readings acted on without a question.</summary>
    public double Direct => Results.Count(r => r.Correct && !r.Asked) / (double)Results.Count;

    public string Describe(string name)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{name}: {Results.Count(r => r.Correct)}/{Results.Count} = {Accuracy:P1} read right (zh {AccuracyIn("zh"):P1}, en {AccuracyIn("en"):P1}); {Direct:P1} right without asking");
        foreach (var kind in Results.GroupBy(r => r.Request.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {kind.Key,-10} {kind.Count(r => r.Correct)}/{kind.Count()}");
        }

        foreach (var miss in Results.Where(r => !r.Correct))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  MISS {miss.Request.Language} {miss.Request.Text}  → expected {string.Join('|', miss.Request.Commands)}: {miss.Why} (confidence {miss.Read.Confidence:0.00})");
        }

        foreach (var asked in Results.Where(r => r.Correct && r.Asked))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  ASKS {asked.Request.Language} {asked.Request.Text}  ({asked.Read.Intent}, confidence {asked.Read.Confidence:0.00})");
        }

        return text.ToString();
    }
}
