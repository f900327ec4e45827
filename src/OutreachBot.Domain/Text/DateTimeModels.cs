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
    private static readonly ModelsByCulture<DateTimeModel> Models = new(culture => new DateTimeRecognizer(culture, DateTimeOptions.None).GetDateTimeModel());

    /// <summary>Built and read under the invariant culture, like <see cref="NumberModels"/>: its Chinese number parsing keeps the same culture-ordered unit map.</summary>
    public static IReadOnlyList<ModelResult> Recognize(string text, string culture, DateTime referenceTime) =>
        RecognizerCulture.Invariant(() => Models.For(culture).Parse(text, referenceTime));
}
