using System.Collections.Concurrent;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;

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

    /// <summary>The cultures the bot reads dates in.</summary>
    public static IReadOnlyList<string> Cultures { get; } = [Culture.English, Culture.Chinese];

    public static IReadOnlyList<ModelResult> Recognize(string text, string culture, DateTime referenceTime) =>
        Model(culture).Parse(text, referenceTime);

    /// <summary>
    /// Builds the date-time model of <paramref name="culture"/> and its number models now, if not built yet (a model
    /// takes a second or two of CPU and some megabytes of compiled patterns, kept for the life of the process).
    /// </summary>
    public static void Prepare(string culture)
    {
        _ = Model(culture);
        _ = NumberRecognizer.RecognizeNumber("1", culture);
    }

    private static DateTimeModel Model(string culture) =>
        Models.GetOrAdd(culture, static c => new Lazy<DateTimeModel>(() => new DateTimeRecognizer(c, DateTimeOptions.None).GetDateTimeModel())).Value;
}
