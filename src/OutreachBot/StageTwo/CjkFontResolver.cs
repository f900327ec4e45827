using ScottPlot;
using SkiaSharp;

namespace OutreachBot.StageTwo;

/// <summary>
/// Finds a font that can draw Chinese and hands it to ScottPlot. The Linux SkiaSharp build we ship
/// (NativeAssets.Linux.NoDependencies) does not use fontconfig, so system fonts are located by file.
/// Debian/Ubuntu: <c>apt-get install fonts-noto-cjk</c>; without any CJK font charts still render, with boxes for Chinese.
/// </summary>
internal sealed class CjkFontResolver : IFontResolver
{
    public const string FontName = "OutreachBot CJK";

    private static readonly string[] CandidateFiles =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-{0}.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-{0}.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-{0}.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/System/Library/Fonts/PingFang.ttc",
        @"C:\Windows\Fonts\msyh{1}.ttc",
        @"C:\Windows\Fonts\simhei.ttf",
    ];

    private static readonly Lazy<CjkFontResolver?> Instance = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SKTypeface regular;
    private readonly SKTypeface bold;

    private CjkFontResolver(SKTypeface regular, SKTypeface bold)
    {
        this.regular = regular;
        this.bold = bold;
    }

    /// <summary>The ScottPlot font name to use for Chinese text, or null when no CJK font is installed.</summary>
    public static string? RegisteredFontName => Instance.Value is null ? null : FontName;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        fontName == FontName ? (bold ? this.bold : regular) : null;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    private static CjkFontResolver? Create()
    {
        var regular = Load("Regular", "") ?? FromFontManager();
        if (regular is null)
        {
            return null;
        }

        var resolver = new CjkFontResolver(regular, Load("Bold", "bd") ?? regular);
        Fonts.FontResolvers.Add(resolver);
        return resolver;
    }

    private static SKTypeface? Load(string weight, string windowsSuffix)
    {
        foreach (var pattern in CandidateFiles)
        {
            var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, weight, windowsSuffix);
            if (!File.Exists(path))
            {
                continue;
            }

            // A .ttc holds several faces; prefer the Simplified Chinese one (Noto's "SC").
            var faces = Enumerable.Range(0, 8).Select(i => SKTypeface.FromFile(path, i)).Where(f => f is not null && f.ContainsGlyph('中')).ToList();
            var chosen = faces.FirstOrDefault(f => f.FamilyName.EndsWith(" SC", StringComparison.Ordinal)) ?? faces.FirstOrDefault();
            foreach (var face in faces.Where(f => f != chosen))
            {
                face.Dispose();
            }

            if (chosen is not null)
            {
                return chosen;
            }
        }

        return null;
    }

    private static SKTypeface? FromFontManager() => SKFontManager.Default.MatchCharacter('中');
}
