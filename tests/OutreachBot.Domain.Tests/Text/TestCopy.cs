using System.Xml.Linq;

namespace OutreachBot.Domain.Tests.Text;

/// <summary>
/// The domain's <see cref="Copy"/> over the host's real resource files (read from the source tree), so a domain test
/// that renders a document or a phrase reads exactly what a user would. Domain tests prefer asserting on
/// <see cref="Phrase"/>s and codes; they render only where the wording itself is the point (documents, drafts).
/// </summary>
public static class TestCopy
{
    private static readonly Lazy<ResxCatalog> Catalog = new(() => ResxCatalog.Load(SourceRoot()));

    public static Copy English { get; } = new(new LazyCatalog(), Language.English);

    public static Copy Chinese { get; } = new(new LazyCatalog(), Language.Chinese);

    public static ITextCatalog Resources => Catalog.Value;

    public static Copy For(Language language, TimeZoneInfo? timeZone = null) => new(Catalog.Value, language, timeZone);

    private static string SourceRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var host = Path.Combine(directory.FullName, "src", "OutreachBot");
            if (System.IO.Directory.Exists(host) && File.Exists(Path.Combine(directory.FullName, "OutreachBot.sln")))
            {
                return host;
            }
        }

        throw new InvalidOperationException("Cannot find src/OutreachBot above " + AppContext.BaseDirectory);
    }

    private sealed class LazyCatalog : ITextCatalog
    {
        public string? Find(string key, Language language) => Catalog.Value.Find(key, language);
    }

    private sealed class ResxCatalog(IReadOnlyDictionary<string, string> english, IReadOnlyDictionary<string, string> chinese) : ITextCatalog
    {
        public static ResxCatalog Load(string root)
        {
            var english = new Dictionary<string, string>(StringComparer.Ordinal);
            var chinese = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in System.IO.Directory.EnumerateFiles(root, "*.resx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var target = file.EndsWith(".zh-CN.resx", StringComparison.Ordinal) ? chinese : english;
                foreach (var data in XDocument.Load(file).Root!.Elements("data"))
                {
                    target.TryAdd((string)data.Attribute("name")!, (string?)data.Element("value") ?? string.Empty);
                }
            }

            return new ResxCatalog(english, chinese);
        }

        public string? Find(string key, Language language) =>
            (language == Language.Chinese ? chinese : english).TryGetValue(key, out var template) ? template
            : english.GetValueOrDefault(key);
    }
}

/// <summary>A phrase as each reader would read it, for the few domain tests where the wording is the point.</summary>
public static class PhraseRendering
{
    extension(Phrase phrase)
    {
        public string Zh => TestCopy.Chinese.Render(phrase);

        public string En => TestCopy.English.Render(phrase);
    }
}
