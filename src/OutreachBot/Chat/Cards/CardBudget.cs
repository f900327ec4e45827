using System.Text;

namespace OutreachBot.Chat.Cards;

/// <summary>
/// Every card the bot sends stays under <see cref="MaxBytes"/> of JSON, whatever users typed into what it shows: Teams
/// refuses messages over about 28 KB (40 KB with the envelope). Input is already cut at the router
/// (<see cref="InputLimits"/>); this is the last guard for cards that list many user-written things.
/// </summary>
public static class CardBudget
{
    public const int MaxBytes = 28 * 1024;

    public static int Size(AdaptiveCard card) => Encoding.UTF8.GetByteCount(CardJson.Serialize(card));

    /// <summary>The JSON of <see cref="Fit"/>'s card; a card that fits (nearly all of them) is serialized once.</summary>
    public static string FitJson(AdaptiveCard card, string cutNote)
    {
        ArgumentNullException.ThrowIfNull(card);
        var json = CardJson.Serialize(card);
        return Encoding.UTF8.GetByteCount(json) <= MaxBytes ? json : CardJson.Serialize(Fit(card, cutNote));
    }

    /// <summary>
    /// The card itself when it fits; otherwise its body cut from the end until it does, with <paramref name="cutNote"/>
    /// last so the reader knows there is more. The buttons stay.
    /// </summary>
    public static AdaptiveCard Fit(AdaptiveCard card, string cutNote)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (Size(card) <= MaxBytes)
        {
            return card;
        }

        var note = new TextBlock(cutNote) { IsSubtle = true };
        var body = card.Body.ToList();
        while (body.Count > 0)
        {
            body.RemoveAt(body.Count - 1);
            var cut = card with { Body = [.. body, note] };
            if (Size(cut) <= MaxBytes)
            {
                return cut;
            }
        }

        return card with { Body = [note] };
    }
}
