using System.Globalization;
using Microsoft.Recognizers.Text;

namespace OutreachBot.Domain.Tests.Text;

/// <summary>
/// Bot Framework runs each turn under its activity's locale, and the Recognizers models are built once per process
/// during whichever turn first needs them. Each test reads under cultures that order Chinese characters differently
/// (en-US and ja-JP by code point, zh-CN by pinyin, zh-TW by strokes), so whichever culture the model was built under,
/// some of them differ from it.
/// </summary>
public sealed class RecognizerCultureTests
{
    private static readonly string[] TurnCultures = ["en-US", "zh-CN", "zh-TW", "ja-JP", "de-DE", ""];

    private static T Under<T>(string culture, Func<T> read)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("50万", "500000")]
    [InlineData("1.2亿", "120000000")]
    [InlineData("三千多", "3000")]
    [InlineData("十二万五千", "125000")]
    public void A_Chinese_amount_is_read_the_same_whatever_locale_the_turn_runs_under(string text, string expected)
    {
        var values = TurnCultures.Select(culture => Under(culture, () => NumberModels.Recognize(text, Culture.Chinese)))
            .Select(results => string.Join(",", results.Select(r => r.Resolution["value"])))
            .ToList();

        Assert.All(values, value => Assert.Equal(expected, value));
    }

    [Fact]
    public void An_English_amount_is_read_the_same_whatever_locale_the_turn_runs_under()
    {
        var values = TurnCultures.Select(culture => Under(culture, () => NumberModels.Recognize("1.5 million", Culture.English)))
            .Select(results => string.Join(",", results.Select(r => r.Resolution["value"])))
            .ToList();

        Assert.All(values, value => Assert.Equal("1500000", value));
    }

    [Fact]
    public void A_Chinese_date_in_numerals_is_read_the_same_whatever_locale_the_turn_runs_under()
    {
        var now = new DateTime(2026, 11, 24, 14, 20, 0, DateTimeKind.Unspecified);

        var texts = TurnCultures.Select(culture => Under(culture, () => DateTimeModels.Recognize("三天后", Culture.Chinese, now)))
            .Select(results => string.Join(",", results.Select(r => r.Text)))
            .ToList();

        Assert.All(texts, text => Assert.Equal("三天后", text));
    }

    [Fact]
    public void The_callers_culture_is_back_after_reading()
    {
        var culture = Under("zh-TW", () =>
        {
            _ = NumberModels.Recognize("50万", Culture.Chinese);
            _ = DateTimeModels.Recognize("三天后", Culture.Chinese, new DateTime(2026, 11, 24, 14, 20, 0, DateTimeKind.Unspecified));
            return CultureInfo.CurrentCulture.Name;
        });

        Assert.Equal("zh-TW", culture);
    }
}
