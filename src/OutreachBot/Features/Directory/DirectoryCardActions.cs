using System.Text.Json.Serialization;
using OutreachBot.Domain.Directory.Leads;
using OutreachBot.Domain.Directory.Referrals;

namespace OutreachBot.Features.Directory;

/// <summary>
/// "Ask this person" who is right for the <paramref name="Need"/> (the card's input, or the search that found them) in
/// the target department; <paramref name="Route"/> is the <c>LeadRoute</c> the person was found by.
/// </summary>
public sealed record AskPerson(string PersonId, string DepartmentId, string? Need = null, string? Route = null) : ICardAction
{
    public static string Verb => "askPerson";
}

/// <summary>
/// "I was introduced" along a path: <paramref name="Path"/> the person ids from the user on, <paramref name="Via"/> one
/// connection per step, each joined by <see cref="PathSeparator"/>. The confirmation card sets <paramref name="Confirmed"/>
/// and holds one toggle per introduction (<see cref="Introduction"/>), ticked when it happened.
/// </summary>
public sealed record RecordReferral(string DepartmentId, string Path, string Via, string? Confirmed = null) : ICardAction
{
    public static string Verb => "recordReferral";

    public const char PathSeparator = '>';

    public static RecordReferral Of(IntroductionPath path, Department target, bool confirmed = false) =>
        new(
            target.Id,
            string.Join(PathSeparator, path.Steps.Select(s => s.From.Id).Append(path.To.Id)),
            string.Join(PathSeparator, path.Steps.Select(s => s.Via.ToString())),
            confirmed ? "true" : null);

    /// <summary>The toggle of the <paramref name="number"/>th introduction (from 1) on the confirmation card.</summary>
    public static string Introduction(int number) => "intro" + number;

    public bool IsConfirmed() => Confirmed == "true";
}

/// <summary>The org chart command's data when a search result opens it: the search is recorded as the keyword lead.</summary>
public sealed record OrgChartFromSearch(string? Args = null, string? Route = null, string? Query = null)
{
    [JsonIgnore]
    public bool FoundBySearch => Route == nameof(LeadRoute.KeywordSearch);
}
