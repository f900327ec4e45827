namespace OutreachBot.Chat.Commands;

/// <summary>
/// Every command registered with <c>AddCommand</c>, in the order help lists them. Built once from the registrations,
/// so a command exists exactly when a feature registers a handler for it; two commands claiming the same name or form
/// stop the bot at start-up.
/// </summary>
public sealed class CommandCatalog
{
    private readonly Dictionary<string, CommandDefinition> byName = new(StringComparer.OrdinalIgnoreCase);

    public CommandCatalog(IEnumerable<CommandRegistration> registrations)
    {
        var forms = new Dictionary<string, CommandDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in registrations.Select(r => r.Command))
        {
            if (!byName.TryAdd(definition.Name, definition))
            {
                throw new InvalidOperationException($"Two handlers are registered for the command '{definition.Name}'.");
            }

            foreach (var form in definition.AllForms)
            {
                if (!forms.TryAdd(form, definition))
                {
                    throw new InvalidOperationException($"'{form}' is claimed by both '{forms[form].Name}' and '{definition.Name}'.");
                }
            }
        }

        All = [.. byName.Values.OrderBy(c => c.HelpOrder).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>In the order help lists them.</summary>
    public IReadOnlyList<CommandDefinition> All { get; }

    public CommandDefinition? ByName(string name) => byName.GetValueOrDefault(name);

    /// <summary>The commands a core card offers as buttons, in help order.</summary>
    public IReadOnlyList<CommandDefinition> Shortcuts(ShortcutOn card) => [.. All.Where(c => (c.Shortcut & card) != ShortcutOn.None)];

    /// <summary>The command a single file stands for when it is sent without text, or null.</summary>
    public CommandDefinition? ForFile(string? fileName, string? mediaType) =>
        All.FirstOrDefault(c => c.FileTypes.Any(type => type.StartsWith('.')
            ? fileName?.EndsWith(type, StringComparison.OrdinalIgnoreCase) == true
            : string.Equals(mediaType, type, StringComparison.OrdinalIgnoreCase)));
}
