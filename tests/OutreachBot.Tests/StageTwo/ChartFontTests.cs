using System.Globalization;
using OutreachBot.Domain.StageTwo;
using OutreachBot.StageTwo;
using SkiaSharp;

namespace OutreachBot.Tests.StageTwo;

/// <summary>
/// The bids chart draws Chinese with the font the app ships, whatever the host has (issue 17). CI installs
/// fonts-noto-cjk for the browser tests, so these tests never let the chart see a system font: the renderer gets a font
/// name registered from the shipped file alone. A character the font lacks draws its .notdef box; every missing
/// character draws the same box, so a chart whose names are glyphs must differ from one whose names are boxes.
/// </summary>
public sealed class ChartFontTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly string[] Names = ["恒信科技", "远景软件", "璟鑫数智"];

    private static BidTally Tally(params string[] competitors) => BidTallies.Tally(
        competitors.Select((name, i) => new WinningBid(name, "项目", "客户", new Money((i + 1) * 1_000_000m, Currency.CNY), new DateOnly(2026, 3, 1), "华东")),
        BidPeriod.LastTwelveMonths(Today)).Value;

    /// <summary>Names of the same length made of private-use characters, which no font maps: each draws as .notdef boxes.</summary>
    private static string[] Boxes(char first) => [.. Names.Select((name, i) => new string((char)(first + i), name.Length))];

    [Fact]
    public void The_app_ships_Noto_Sans_SC_with_its_licence_and_the_chart_uses_it_rather_than_a_host_font()
    {
        var path = CjkFontResolver.ShippedFontPath;

        Assert.True(File.Exists(path), $"{path} is missing: the build fetches it (src/OutreachBot/StageTwo/ChartFont.targets)");
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, "OFL.txt")));
        Assert.Contains("SIL OPEN FONT LICENSE", File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, "OFL.txt")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(path, CjkFontResolver.RegisteredFontPath);
        using var typeface = SKTypeface.FromFile(path);
        Assert.Equal("Noto Sans SC", typeface.FamilyName);
        Assert.All(string.Concat(Names).EnumerateRunes(), rune => Assert.True(typeface.ContainsGlyph(rune.Value), $"no glyph for {rune}"));
    }

    [Fact]
    public void Chinese_names_drawn_with_only_the_shipped_font_are_glyphs_and_not_the_notdef_box()
    {
        var font = CjkFontResolver.RegisterFile("Shipped font only " + Guid.NewGuid().ToString("N"), CjkFontResolver.ShippedFontPath);
        var renderer = new BidsChartRenderer(font);
        var chinese = OutreachBot.Chat.Localization.BotCopy.For(Language.Chinese);
        using var typeface = SKTypeface.FromFile(CjkFontResolver.ShippedFontPath);
        Assert.DoesNotContain(Boxes('\uE000').Concat(Boxes('\uE010')).SelectMany(n => n), c => typeface.ContainsGlyph(c));

        using var names = SKBitmap.Decode(renderer.Render(Tally(Names), Currency.CNY, chinese).Png);
        using var boxes = SKBitmap.Decode(renderer.Render(Tally(Boxes('\uE000')), Currency.CNY, chinese).Png);
        using var otherBoxes = SKBitmap.Decode(renderer.Render(Tally(Boxes('\uE010')), Currency.CNY, chinese).Png);

        Assert.Equal(0, DifferingPixels(boxes, otherBoxes));
        Assert.True(DifferingPixels(names, boxes) > 500, "the Chinese names were drawn as .notdef boxes");
    }

    [Fact]
    public void Korean_names_which_the_shipped_font_lacks_are_boxes_even_though_this_host_has_a_font_for_them()
    {
        // The comparison above can fail: names the shipped font cannot draw come out exactly as the .notdef boxes do.
        // The host's own fonts (CI installs Noto CJK, which draws Hangul) are never asked for the missing characters.
        string[] korean = ["삼성전자", "엘지전자", "현대모비"];
        var font = CjkFontResolver.RegisterFile("Shipped font only " + Guid.NewGuid().ToString("N"), CjkFontResolver.ShippedFontPath);
        var renderer = new BidsChartRenderer(font);
        var chinese = OutreachBot.Chat.Localization.BotCopy.For(Language.Chinese);
        using var typeface = SKTypeface.FromFile(CjkFontResolver.ShippedFontPath);
        Assert.DoesNotContain(string.Concat(korean), c => typeface.ContainsGlyph(c));

        using var names = SKBitmap.Decode(renderer.Render(Tally(korean), Currency.CNY, chinese).Png);
        using var boxes = SKBitmap.Decode(renderer.Render(Tally(Boxes('\uE000')), Currency.CNY, chinese).Png);

        Assert.Equal(0, DifferingPixels(names, boxes));
    }

    private static int DifferingPixels(SKBitmap a, SKBitmap b)
    {
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        var (pa, pb) = (a.Pixels, b.Pixels);
        return pa.Where((p, i) => p != pb[i]).Count();
    }
}
