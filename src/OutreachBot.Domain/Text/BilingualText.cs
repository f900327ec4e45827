namespace OutreachBot.Domain.Text;

/// <summary>
/// A value that exists in both languages by nature: a department's or person's Chinese and English name from the
/// directory. Not product copy: the bot's own sentences are <see cref="Phrase"/>s rendered from resources.
/// </summary>
public sealed record BilingualText(string Zh, string En) : ILocalizable
{
    public string In(Language language) => language == Language.Chinese ? Zh : En;

    public string Render(Copy copy, string? format) => In(copy.Language);

    public override string ToString() => En;
}
