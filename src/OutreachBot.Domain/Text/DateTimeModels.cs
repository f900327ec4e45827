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
    private static readonly ConcurrentDictionary<string, DateTimeModel> Models = new(StringComparer.Ordinal);

    public static IReadOnlyList<ModelResult> Recognize(string text, string culture, DateTime referenceTime) =>
        Models.GetOrAdd(culture, static c => new DateTimeRecognizer(c, DateTimeOptions.None).GetDateTimeModel()).Parse(text, referenceTime);
}
