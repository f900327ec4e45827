using System.Globalization;
using OutreachBot.Domain.Directory;

namespace OutreachBot.Domain.Understanding;

/// <summary>How a command word was typed at the start of a message.</summary>
public enum CommandForm
{
    /// <summary>The command word alone ("status", "进展").</summary>
    Bare,

    /// <summary>With a leading slash ("/status 大数据").</summary>
    Slash,

    /// <summary>Followed by a space and its arguments ("status big data").</summary>
    Spaced,

    /// <summary>A Chinese form glued to the rest ("进展如何", "找一下…"): as likely the start of a sentence as a command.</summary>
    Glued,
}

/// <summary>A command word the command parser found at the start of the text, and the rest of the text.</summary>
public sealed record TypedCommand(string Name, string Form, string Rest, CommandForm How);

/// <summary>What the recognizer took from the sentence besides the intent.</summary>
public sealed record RequestSlots
{
    public static RequestSlots None { get; } = new();

    /// <summary>The department named (its candidates, best first), or null.</summary>
    public NameMention? Department { get; init; }

    /// <summary>refused | no-capacity | interested | agreed | dropped.</summary>
    public string? Outcome { get; init; }

    public string? Reason { get; init; }

    /// <summary>A need to search for (find).</summary>
    public string? Query { get; init; }

    /// <summary>The product idea (new).</summary>
    public string? Idea { get; init; }

    /// <summary>The whole text the command reads itself (remind: the time and what to remind of).</summary>
    public string? Text { get; init; }

    /// <summary>zh | en.</summary>
    public string? Language { get; init; }

    /// <summary>An IANA time zone.</summary>
    public string? TimeZone { get; init; }

    public string? Email { get; init; }

    /// <summary>"team" for the team's pipeline.</summary>
    public string? Scope { get; init; }

    /// <summary>A sub-command word such as "add" (market).</summary>
    public string? Verb { get; init; }

    /// <summary>A number of months (bids).</summary>
    public int? Months { get; init; }

    /// <summary>Text the command gets as typed because it could not be read (e.g. an unknown department).</summary>
    public string? Raw { get; init; }
}

/// <summary>
/// A sentence read as a request: the intent (a command name, <see cref="Greeting"/> or <see cref="Unknown"/>), how sure the
/// reading is (0–1), the slots, and the other intents that came close (to offer when asking).
/// </summary>
public sealed record RecognizedRequest(string Intent, double Confidence, RequestSlots Slots, bool Explicit, IReadOnlyList<string> Alternatives)
{
    public const string Unknown = "unknown";
    public const string Greeting = "greeting";

    /// <summary>"What should I do next?" / "下一步做什么".</summary>
    public const string Next = "next";

    /// <summary>Sure enough to answer a question that changes nothing.</summary>
    public const double SureToRead = 0.5;

    /// <summary>Sure enough to change data without asking first.</summary>
    public const double SureToChange = 0.75;

    public static RecognizedRequest Nothing { get; } = new(Unknown, 0, RequestSlots.None, false, []);

    /// <summary>The department, when one was named surely and alone.</summary>
    public Department? Department =>
        Slots.Department is { IsAmbiguous: false } mention && mention.Score >= DepartmentNames.Sure ? mention.Best.Department : null;

    /// <summary>The department named, however unsure (to ask "did you mean …?").</summary>
    public IReadOnlyList<DepartmentCandidate> DepartmentCandidates => Slots.Department?.Candidates ?? [];

    /// <summary>The same reading about another department (one of the candidates), sure.</summary>
    public RecognizedRequest About(DepartmentCandidate candidate) =>
        this with { Slots = Slots with { Department = new NameMention(0, 0, [candidate with { Score = 1 }]) }, Confidence = 1 };

    /// <summary>
    /// The arguments the command takes, as the user would type them: department by id (or, for people, by name in
    /// <paramref name="displayIn"/>), then the rest ("data-platform refused 不是他们的业务").
    /// </summary>
    public string Arguments(CultureInfo? displayIn = null)
    {
        var department = Department is { } found
            ? displayIn is null ? found.Id : found.Name(Language.Of(displayIn))
            : Slots.Raw;
        var chinese = displayIn is not null && Language.Of(displayIn) == Language.Chinese;
        return Intent switch
        {
            "status" or "org" or "referrals" or "pitch" or "brief" => department ?? string.Empty,
            "outcome" => Join(department, Slots.Outcome is { } code ? (displayIn is null ? code : RequestLexicon.Default.OutcomeWord(code, chinese)) : null, Slots.Reason),
            "find" => Slots.Query ?? string.Empty,
            "new" => Slots.Idea ?? string.Empty,
            "remind" => Slots.Text ?? string.Empty,
            "pipeline" => Slots.Scope is { } scope ? (chinese ? "团队" : scope) : string.Empty,
            "bids" => Slots.Months?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            "market" => Slots.Verb ?? string.Empty,
            "language" => Slots.Language ?? string.Empty,
            "timezone" => Slots.TimeZone ?? string.Empty,
            "iam" => Slots.Email ?? string.Empty,
            _ => Slots.Raw ?? string.Empty,
        };
    }

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
