using System.Text;

namespace OutreachBot.Domain.Understanding;

/// <summary>The lexicons of <c>Understanding/Data</c>, shipped as embedded text files (one entry per line, # for comments).</summary>
internal static class UnderstandingData
{
    public static IEnumerable<string> Lines(string file)
    {
        using var stream = typeof(UnderstandingData).Assembly.GetManifestResourceStream("OutreachBot.Domain.Understanding.Data." + file)
            ?? throw new InvalidOperationException($"Embedded understanding data '{file}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0 && !line.StartsWith('#'))
            {
                yield return line;
            }
        }
    }

    /// <summary>Lines of the form <c>key TAB word|word|…</c>, the words folded the way typed text is.</summary>
    public static IEnumerable<(string Key, string[] Words)> Table(string file) =>
        Lines(file)
            .Select(line => line.Split('\t'))
            .Where(cells => cells.Length >= 2)
            .Select(cells => (cells[0].Trim(), cells[^1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(FoldedText.FoldWord).Where(w => w.Length > 0).ToArray()));
}
