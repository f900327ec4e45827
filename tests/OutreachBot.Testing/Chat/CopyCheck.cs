using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;

namespace OutreachBot.Testing;

/// <summary>
/// The one check every transcript test runs on what the user can read (docs/copy.md, "Never shown to a user"):
/// no enum or type names, no ISO timestamps, no raw ids, no English "1 &lt;plural noun&gt;". <see cref="ChatTester"/>
/// runs it on every reply; a test whose user typed such text on purpose allows exactly that text with
/// <see cref="ChatTester.AllowCopy"/>.
/// </summary>
public static partial class CopyCheck
{
    /// <summary>Nouns the bot counts; "1 outreaches", "1 years", "(1 bids)" are errors.</summary>
    private static readonly string[] CountedNouns =
    [
        "outreaches", "years", "bids", "days", "hours", "minutes", "weeks", "months", "departments", "reminders",
        "people", "veterans", "targets", "projects", "customers", "opportunities", "contacts", "times", "competitors",
        "members", "colleagues", "items", "tasks", "rows", "lines", "errors", "results", "steps", "answers", "outcomes",
    ];

    /// <summary>
    /// Real words that look like PascalCase: the bot's own name and industry words users type (a product idea
    /// "支付风控 SaaS"). Keep this list short; a test whose user typed something else uses <see cref="ChatTester.AllowCopy"/>.
    /// </summary>
    private static readonly string[] RealWords = ["OutreachBot", "SaaS", "PaaS", "IaaS"];

    private static readonly Regex SingularCount = new(
        @"(?<![\d.,])\b1 (?:" + string.Join("|", CountedNouns) + @")\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Everything wrong with one text a user reads; empty when it is clean.</summary>
    public static IReadOnlyList<string> Problems(string text, IEnumerable<string>? allowed = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var fragment in RealWords.Concat(allowed ?? []))
        {
            text = text.Replace(fragment, " ", StringComparison.Ordinal);
        }

        // A link is an address, not copy: its random token may look like anything.
        text = Link().Replace(text, " ");
        var problems = new List<string>();
        Add("an enum or type name", EnumLooking().Matches(text));
        Add("an ISO timestamp", IsoTimestamp().Matches(text));
        Add("a GUID or stored id", RawGuid().Matches(text));
        Add("a user or conversation key", UserKey().Matches(text));
        Add("\"1\" with a plural noun", SingularCount.Matches(text));
        return problems;

        void Add(string what, MatchCollection matches) =>
            problems.AddRange(matches.Select(m => $"{what}: \"{m.Value}\" in \"{Around(text, m)}\""));
    }

    /// <summary>Fails with every problem of every reply (message texts, card texts and button titles).</summary>
    public static void AssertClean(IEnumerable<Activity> replies, IEnumerable<string>? allowed = null)
    {
        var list = replies.ToList();
        var readable = string.Join("\n", [list.AllText(), .. list.Cards().SelectMany(c => c.ButtonTitles())]);
        var problems = Problems(readable, allowed);
        if (problems.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("The bot showed the user text that docs/copy.md forbids:\n  " + string.Join("\n  ", problems));
        }
    }

    private static string Around(string text, Match match)
    {
        var start = Math.Max(0, match.Index - 30);
        var end = Math.Min(text.Length, match.Index + match.Length + 30);
        return text[start..end].ReplaceLineEndings(" ");
    }

    [GeneratedRegex(@"https?://\S+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Link();

    // A PascalCase word with a second capital after lower-case letters: NoCapacity, TargetAdded, OrgChart.
    [GeneratedRegex(@"\b[A-Z][a-z]+[A-Z][A-Za-z]*\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EnumLooking();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\bT\d{2}:\d{2}:\d{2}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IsoTimestamp();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b|\b[0-9a-f]{32}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RawGuid();

    [GeneratedRegex(@"\baad:\S+|\b(?:user|conv|conversation|tenant)-[\w-]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UserKey();
}
