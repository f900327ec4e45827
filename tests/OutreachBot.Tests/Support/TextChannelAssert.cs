using System.Globalization;
using System.Text.RegularExpressions;

namespace OutreachBot.Tests.Support;

/// <summary>What every reply on a channel without cards promises: one numbering per message, no Markdown left over.</summary>
public static partial class TextChannelAssert
{
    /// <summary>The numbered lines of <paramref name="message"/> count 1, 2, 3, … once: a typed number means one thing.</summary>
    public static void NumberedOnce(string message)
    {
        var numbers = NumberedLine().Matches(message).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

        Assert.True(numbers.Count > 0, $"no numbered choice in:\n{message}");
        Assert.True(numbers.SequenceEqual(Enumerable.Range(1, numbers.Count)), $"numbered {string.Join(", ", numbers)} in:\n{message}");
    }

    [GeneratedRegex(@"^(\d+)\. ", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NumberedLine();
}
