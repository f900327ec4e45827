using System.Text;

namespace OutreachBot.Chat.Commands;

public abstract record ParsedText
{
    private ParsedText()
    {
    }

    /// <summary>A known command and the rest of the text (original case, trimmed).</summary>
    public sealed record Command(CommandDefinition Definition, string Arguments) : ParsedText;

    /// <summary>Not a command; <see cref="Suggestion"/> is set when the first word is a near miss of one.</summary>
    public sealed record Unknown(string Text, CommandDefinition? Suggestion) : ParsedText;
}

/// <summary>
/// Turns what the user typed into one of the registered commands. Case-, width- (ＨＥＬＰ, ／帮助) and slash-insensitive.
/// Chinese forms may be glued to their argument (进展支付中台) except in <c>strict</c> mode, used mid-flow where an
/// answer such as "找不到" must not be read as a command.
/// </summary>
public sealed class CommandParser(CommandCatalog catalog)
{
    private readonly (string Form, CommandDefinition Definition)[] forms = catalog.All
        .SelectMany(c => c.AllForms.Select(f => (Form: Normalize(f), Definition: c)))
        .OrderByDescending(f => f.Form.Length)
        .ToArray();

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var normalized = text.Normalize(NormalizationForm.FormKC).Replace('\u00a0', ' ').Trim();
        normalized = string.Join(' ', normalized.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return normalized.TrimStart('/').TrimStart();
    }

    public ParsedText Parse(string? text, bool strict = false)
    {
        var hadSlash = text?.Normalize(NormalizationForm.FormKC).TrimStart().StartsWith('/') ?? false;
        var normalized = Normalize(text);
        foreach (var (form, definition) in forms)
        {
            if (!normalized.StartsWith(form, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = normalized[form.Length..];
            if (rest.Length == 0 || rest[0] == ' ' || (!IsAscii(form) && (!strict || hadSlash)))
            {
                return new ParsedText.Command(definition, rest.Trim());
            }
        }

        var firstWord = normalized.Split(' ', 2)[0];
        return new ParsedText.Unknown(normalized, Suggest(firstWord));
    }

    /// <summary>Whether <paramref name="text"/>, typed mid-flow, is exactly this command (e.g. cancel or help).</summary>
    public bool IsCommand(string text, CommandDefinition command) =>
        Parse(text, strict: true) is ParsedText.Command { Definition: var found } && found == command;

    private CommandDefinition? Suggest(string word)
    {
        if (word.Length < 2 || !IsAscii(word) || catalog.All.Count == 0)
        {
            return null;
        }

        var lower = word.ToLowerInvariant();
        var best = catalog.All
            .Select(c => (Definition: c, Distance: TextDistance.OptimalStringAlignment(lower, c.Name)))
            .OrderBy(c => c.Distance)
            .First();
        var allowed = best.Definition.Name.Length <= 4 ? 1 : 2;
        return best.Distance <= allowed ? best.Definition : null;
    }

    private static bool IsAscii(string text) => text.All(char.IsAscii);
}
