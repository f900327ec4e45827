using System.Collections.Concurrent;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace OutreachBot.Domain.Text;

/// <summary>
/// The Recognizers number model, built once per culture and always built and read under the invariant culture (see
/// <see cref="RecognizerCulture"/>): "50万" reads the same whatever locale the user's Teams client, or the first user's, has.
/// </summary>
public static class NumberModels
{
    private static readonly ConcurrentDictionary<string, Lazy<NumberModel>> Models = new(StringComparer.Ordinal);

    /// <summary>The numbers in <paramref name="text"/>, read in <paramref name="culture"/> ("zh-cn", "en-us"); never falls back to another culture.</summary>
    public static IReadOnlyList<ModelResult> Recognize(string text, string culture) =>
        RecognizerCulture.Invariant(() => Model(culture).Parse(text));

    private static NumberModel Model(string culture) =>
        Models.GetOrAdd(culture, static c => new Lazy<NumberModel>(() => new NumberRecognizer(c, NumberOptions.None, lazyInitialization: true).GetNumberModel(c, fallbackToDefaultCulture: false)))
            .Value;
}
