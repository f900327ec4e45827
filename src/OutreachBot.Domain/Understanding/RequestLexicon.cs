namespace OutreachBot.Domain.Understanding;

/// <summary>When a cue of <see cref="RequestLexicon"/> counts.</summary>
[Flags]
public enum CueCondition
{
    None = 0,
    Department = 1,
    NoDepartment = 2,
    Start = 4,
    Alone = 8,
    Time = 16,
    Outcome = 32,
    Zone = 64,
    Email = 128,
}

/// <param name="Intent">A command name ("status"), "greeting", or "" for words that only keep other cues from matching ("help me").</param>
public sealed record Cue(string Intent, double Weight, CueCondition Conditions, string Text);

/// <summary>
/// The bilingual lexicon of what people type for each request (<c>Data/intents.txt</c>) and the outcome words
/// (<c>Data/outcomes.txt</c>). Data, so that adding a phrase needs no code.
/// </summary>
public sealed class RequestLexicon
{
    private readonly (string Code, string Word)[] outcomesAsWritten;

    public RequestLexicon(IEnumerable<Cue> cues, IEnumerable<(string Code, string Word)> outcomeWords)
    {
        outcomesAsWritten = [.. outcomeWords.Where(w => w.Word.Length > 0)];
        Cues = [.. cues.Where(c => c.Text.Length > 0).OrderByDescending(c => c.Text.Length)];
        OutcomeWords = [.. outcomesAsWritten.OrderByDescending(w => w.Word.Length)];
        OutcomeOrder = [.. outcomesAsWritten.Select(w => w.Code).Distinct()];
    }

    public static RequestLexicon Default { get; } = Load();

    /// <summary>Longest first.</summary>
    public IReadOnlyList<Cue> Cues { get; }

    /// <summary>Longest first.</summary>
    public IReadOnlyList<(string Code, string Word)> OutcomeWords { get; }

    /// <summary>The outcome codes in the file's order, which is also the order of precedence when several are named.</summary>
    public IReadOnlyList<string> OutcomeOrder { get; }

    /// <summary>The first word of an outcome in the language asked for (e.g. to show "拒绝" for refused).</summary>
    public string OutcomeWord(string code, bool chinese) =>
        outcomesAsWritten.Where(w => w.Code == code).Select(w => w.Word).FirstOrDefault(w => w.Any(c => c >= 0x3000) == chinese) ?? code;

    private static RequestLexicon Load()
    {
        var cues = new List<Cue>();
        foreach (var line in UnderstandingData.Lines("intents.txt"))
        {
            var cells = line.Split('\t');
            if (cells.Length != 4)
            {
                throw new InvalidOperationException($"intents.txt: expected 4 tab-separated columns in \"{line}\".");
            }

            var intent = cells[0].Trim() == "-" ? string.Empty : cells[0].Trim();
            var weight = double.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture);
            var conditions = ParseConditions(cells[2]);
            cues.AddRange(cells[3].Split('|', StringSplitOptions.RemoveEmptyEntries).Select(FoldedText.FoldWord).Distinct().Select(word => new Cue(intent, weight, conditions, word)));
        }

        var outcomes = UnderstandingData.Table("outcomes.txt").SelectMany(row => row.Words.Select(word => (row.Key, word)));
        return new RequestLexicon(cues, outcomes);
    }

    private static CueCondition ParseConditions(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Aggregate(CueCondition.None, (all, word) => all | word switch
        {
            "-" => CueCondition.None,
            "dept" => CueCondition.Department,
            "nodept" => CueCondition.NoDepartment,
            "start" => CueCondition.Start,
            "alone" => CueCondition.Alone,
            "time" => CueCondition.Time,
            "outcome" => CueCondition.Outcome,
            "zone" => CueCondition.Zone,
            "email" => CueCondition.Email,
            _ => throw new InvalidOperationException($"intents.txt: unknown condition \"{word}\"."),
        });
}
