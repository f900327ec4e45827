using System.Collections.Concurrent;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace OutreachBot.Domain.Text;

/// <summary>
/// The Recognizers date-time model, built once per culture. <see cref="DateTimeRecognizer.RecognizeDateTime(string, string, DateTimeOptions, DateTime?, bool)"/>
/// builds a recognizer and registers every culture's model factory on each call; the model itself is immutable and
/// safe to share between turns.
/// </summary>
public static class DateTimeModels
{
    // Lazy: building a model takes long enough that turns arriving together would otherwise each build one.
    private static readonly ConcurrentDictionary<string, Lazy<DateTimeModel>> Models = new(StringComparer.Ordinal);

    /// <summary>Built and read under the invariant culture, like <see cref="NumberModels"/>: its Chinese number parsing keeps the same culture-ordered unit map.</summary>
    public static IReadOnlyList<ModelResult> Recognize(string text, string culture, DateTime referenceTime) =>
        RecognizerCulture.Invariant(() => Models.GetOrAdd(culture, static c => new Lazy<DateTimeModel>(() => new DateTimeRecognizer(c, DateTimeOptions.None).GetDateTimeModel()))
            .Value.Parse(text, referenceTime));
}
