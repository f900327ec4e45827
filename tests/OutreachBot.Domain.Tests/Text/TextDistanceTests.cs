using OutreachBot.Domain.Text;

namespace OutreachBot.Domain.Tests.Text;

public sealed class TextDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("status", "status", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("支付中台", "支付平台", 1)]
    [InlineData("stauts", "status", 2)]
    public void Levenshtein_counts_insertions_deletions_and_substitutions(string a, string b, int expected)
    {
        var distance = TextDistance.Levenshtein(a, b);

        Assert.Equal(expected, distance);
        Assert.Equal(expected, TextDistance.Levenshtein(b, a));
    }

    [Theory]
    [InlineData("stauts", "status", 1)]
    [InlineData("hlep", "help", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ca", "abc", 3)]
    public void Optimal_string_alignment_also_counts_an_adjacent_swap_as_one_edit(string a, string b, int expected)
    {
        var distance = TextDistance.OptimalStringAlignment(a, b);

        Assert.Equal(expected, distance);
    }
}
