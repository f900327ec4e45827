using System.Globalization;
using System.Resources;
using OutreachBot.Chat.Localization;
using OutreachBot.Domain.Text;

namespace OutreachBot.Tests.Chat;

/// <summary>What a feature must declare with each command it registers, checked for every command the host registers.</summary>
public sealed class CommandDeclarationTests
{
    public static TheoryData<string> Registered() => [.. ProductCommands.Catalog.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Registered))]
    public void Every_registered_command_has_a_help_line_in_English_and_in_Chinese_from_its_own_feature(string name)
    {
        var command = ProductCommands.Catalog.ByName(name)!;

        var english = OwnText(command, CultureInfo.InvariantCulture, $"Command.{name}");
        var chinese = OwnText(command, Language.Chinese.Culture, $"Command.{name}");

        Assert.StartsWith(command.Name, english, StringComparison.Ordinal);
        Assert.StartsWith(command.Chinese, chinese, StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", chinese[command.Chinese.Length..]);
        Assert.Equal(english, command.HelpText(Language.English.Culture));
        Assert.Equal(chinese, command.HelpText(Language.Chinese.Culture));
    }

    [Theory]
    [MemberData(nameof(Registered))]
    public void A_command_offered_as_a_button_has_its_label_in_both_languages(string name)
    {
        var command = ProductCommands.Catalog.ByName(name)!;
        if (command.Shortcut == ShortcutOn.None)
        {
            return;
        }

        Assert.NotEqual(command.ButtonTitle(Language.English.Culture), command.ButtonTitle(Language.Chinese.Culture));
        Assert.NotNull(OwnText(command, CultureInfo.InvariantCulture, $"Command.{name}.Button"));
        Assert.NotNull(OwnText(command, Language.Chinese.Culture, $"Command.{name}.Button"));
    }

    [Fact]
    public void Each_form_of_each_command_is_read_as_that_command()
    {
        var forms = ProductCommands.Catalog.All.SelectMany(c => c.AllForms.Select(f => (Form: f, c.Name)));

        var misread = forms.Where(f => ProductCommands.Parser.Parse(f.Form) is not ParsedText.Command { Definition.Name: var parsed } || parsed != f.Name);

        Assert.Empty(misread);
    }

    [Fact]
    public void Two_commands_claiming_the_same_form_stop_the_bot_at_start_up()
    {
        var first = new CommandDefinition<ChatTestTexts>("ask", "问", helpOrder: 1);
        var second = new CommandDefinition<ChatTestTexts>("query", "问", helpOrder: 2);

        var error = Assert.Throws<InvalidOperationException>(() =>
            new CommandCatalog([new CommandRegistration(first, typeof(object)), new CommandRegistration(second, typeof(object))]));

        Assert.Contains("'问' is claimed by both 'ask' and 'query'", error.Message);
    }

    [Fact]
    public void Help_lists_commands_by_their_declared_order()
    {
        var orders = ProductCommands.Catalog.All.Select(c => c.HelpOrder).ToList();

        Assert.Equal(orders.Order(), orders);
        Assert.Equal(orders.Count, orders.Distinct().Count());
    }

    /// <summary>The text from the command's own resources for exactly that culture, without falling back to English.</summary>
    private static string OwnText(CommandDefinition command, CultureInfo culture, string key)
    {
        var set = new ResourceManager(command.Texts).GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        var text = set?.GetString(key);
        Assert.False(string.IsNullOrWhiteSpace(text), $"{command.Texts.Name} ({culture.Name}) lacks {key}");
        return text!;
    }

    private sealed class ChatTestTexts;
}
