using System.Globalization;
using OutreachBot.Chat.Localization;
using OutreachBot.Tests.Chat;

namespace OutreachBot.Tests.Channels;

/// <summary>
/// Teams offers the manifest's command titles as suggestions; picking one sends its title as the message. Each title,
/// English or localized, must reach a bot command rather than the "didn't understand" help.
/// </summary>
[Collection(RenderedCardsCollection.Name)]
public sealed class ManifestCommandTests : IDisposable
{
    private readonly BotTestHost host = new();

    public void Dispose() => host.Dispose();

    /// <summary>(English command, locale, title as offered) for every command title of every list, without repeats.</summary>
    public static TheoryData<string, string, string> Titles()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in TitleRows().Distinct())
        {
            data.Add(row.Command, row.Locale, row.Title);
        }

        return data;
    }

    [Fact]
    public void Every_command_title_in_the_manifest_has_a_Chinese_title()
    {
        var manifest = ReadManifestFile("manifest.json");

        var commands = manifest.SelectTokens("bots[0].commandLists[*].commands[*].title").Count();

        Assert.True(commands >= 12, $"{commands} commands");
        Assert.Equal(commands, TitleRows().Count(r => r.Locale == "zh-CN"));
    }

    [Fact]
    public void The_manifest_names_only_registered_commands_by_their_own_forms()
    {
        var rows = TitleRows().ToList();

        var strangers = rows.Where(r => ProductCommands.Catalog.ByName(r.Command) is not { } command
            || r.Title != (r.Locale == "zh-CN" ? command.Chinese : command.Name));

        Assert.NotEmpty(rows);
        Assert.Empty(strangers);
    }

    [Theory]
    [MemberData(nameof(Titles))]
    public async Task A_manifest_command_title_routes_to_that_bot_command(string command, string locale, string title)
    {
        var chat = host.Chat(locale: locale);

        var replies = await chat.SayAsync(title);

        var parsed = Assert.IsType<ParsedText.Command>(ProductCommands.Parser.Parse(title));
        Assert.Equal(command, parsed.Definition.Name);
        Assert.NotEmpty(replies);
        var unknown = Texts<ChatTexts>.Get(CultureInfo.GetCultureInfo(locale), "Unknown.Text");
        Assert.DoesNotContain(unknown, replies.AllText());
    }

    private static IEnumerable<(string Command, string Locale, string Title)> TitleRows()
    {
        var manifest = ReadManifestFile("manifest.json");
        var chinese = ReadManifestFile("zh-CN.json");
        foreach (var list in manifest.SelectTokens("bots[0].commandLists[*]").Select((list, index) => (List: list, Index: index)))
        {
            foreach (var command in list.List.SelectTokens("commands[*]").Select((command, index) => (Title: (string)command["title"]!, Index: index)))
            {
                yield return (command.Title, "en-US", command.Title);
                var key = $"bots[0].commandLists[{list.Index}].commands[{command.Index}].title";
                if (chinese[key] is JValue { Value: string localized })
                {
                    yield return (command.Title, "zh-CN", localized);
                }
            }
        }
    }

    private static JObject ReadManifestFile(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "manifest", name);
            if (File.Exists(path))
            {
                return JObject.Parse(File.ReadAllText(path));
            }
        }

        throw new InvalidOperationException($"manifest/{name} was not found above {AppContext.BaseDirectory}");
    }
}
