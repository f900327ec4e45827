namespace OutreachBot.Domain.Reminders;

/// <summary>A sentence in both product languages; the chat layer picks one by the user's culture.</summary>
public sealed record LocalizedText(string Chinese, string English)
{
    public string For(string culture) =>
        culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
}
