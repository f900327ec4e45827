using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace OutreachBot.Domain.Text;

/// <summary>
/// The Recognizers number model, built once per culture and always built and read under the invariant culture (see
/// <see cref="RecognizerCulture"/>): "50万" reads the same whatever locale the user's Teams client, or the first user's, has.
/// </summary>
public static class NumberModels
{
    private static readonly ModelsByCulture<NumberModel> Models =
        new(culture => new NumberRecognizer(culture, NumberOptions.None, lazyInitialization: true).GetNumberModel(culture, fallbackToDefaultCulture: false));

    /// <summary>The numbers in <paramref name="text"/>, read in <paramref name="culture"/> ("zh-cn", "en-us"); never falls back to another culture.</summary>
    public static IReadOnlyList<ModelResult> Recognize(string text, string culture) =>
        RecognizerCulture.Invariant(() => Models.For(culture).Parse(text));
}
