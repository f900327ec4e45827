using ScottPlot;
using SkiaSharp;

namespace OutreachBot.StageTwo;

/// <summary>
/// Hands ScottPlot a font that can draw Chinese: the Noto Sans SC file the app ships (fonts/ beside the binaries, see
/// ChartFont.targets), so charts look the same on every host. Only when that file is missing (a build without npm) are
/// the host's CJK fonts tried, located by file because the Linux SkiaSharp build we ship
/// (NativeAssets.Linux.NoDependencies) does not use fontconfig; without any, charts still render, with boxes for Chinese.
/// </summary>
internal sealed class CjkFontResolver : IFontResolver
{
    public const string FontName = "OutreachBot CJK";

    /// <summary>Where the shipped font is, relative to the app's folder (and the publish output).</summary>
    public const string ShippedFontRelativePath = "fonts/NotoSansSC-Regular.ttf";

    private static readonly string[] SystemCandidateFiles =
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

    private readonly string name;
    private readonly SKTypeface regular;
    private readonly SKTypeface bold;

    private CjkFontResolver(string name, SKTypeface regular, SKTypeface bold, string? path)
    {
        this.name = name;
        this.regular = regular;
        this.bold = bold;
        Path = path;
    }

    public static string ShippedFontPath => System.IO.Path.Combine(AppContext.BaseDirectory, ShippedFontRelativePath);

    /// <summary>The ScottPlot font name to use for Chinese text, or null when no CJK font could be found.</summary>
    public static string? RegisteredFontName => Instance.Value?.name;

    /// <summary>The file the chart font came from (the shipped one unless it was missing), or null.</summary>
    public static string? RegisteredFontPath => Instance.Value?.Path;

    public string? Path { get; }

    /// <summary>
    /// Registers a font from exactly this file under <paramref name="fontName"/>, with no fallback to the host's fonts
    /// (tests use it to prove the shipped font alone draws Chinese). Null when the file has no Chinese glyphs.
    /// </summary>
    public static string? RegisterFile(string fontName, string path)
    {
        if (LoadChinese(path) is not { } typeface)
        {
            return null;
        }

        Fonts.FontResolvers.Add(new CjkFontResolver(fontName, typeface, typeface, path));
        return fontName;
    }

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        fontName == name ? (bold ? this.bold : regular) : null;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    private static CjkFontResolver? Create()
    {
        CjkFontResolver? resolver = null;
        if (LoadChinese(ShippedFontPath) is { } shipped)
        {
            resolver = new CjkFontResolver(FontName, shipped, shipped, ShippedFontPath);
        }
        else if (SystemFont("Regular", "") is { } system)
        {
            resolver = new CjkFontResolver(FontName, system.Typeface, SystemFont("Bold", "bd")?.Typeface ?? system.Typeface, system.Path);
        }

        if (resolver is not null)
        {
            Fonts.FontResolvers.Add(resolver);
        }

        return resolver;
    }

    private static (SKTypeface Typeface, string Path)? SystemFont(string weight, string windowsSuffix)
    {
        foreach (var pattern in SystemCandidateFiles)
        {
            var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, weight, windowsSuffix);
            if (LoadChinese(path) is { } typeface)
            {
                return (typeface, path);
            }
        }

        return null;
    }

    /// <summary>The face of the file that draws Chinese; in a .ttc (several faces) the Simplified Chinese one (Noto's "SC").</summary>
    private static SKTypeface? LoadChinese(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var faces = Enumerable.Range(0, 8).Select(i => SKTypeface.FromFile(path, i)).Where(f => f is not null && f.ContainsGlyph('中')).ToList();
        var chosen = faces.FirstOrDefault(f => f.FamilyName.EndsWith(" SC", StringComparison.Ordinal)) ?? faces.FirstOrDefault();
        foreach (var face in faces.Where(f => f != chosen))
        {
            face.Dispose();
        }

        return chosen;
    }
}
