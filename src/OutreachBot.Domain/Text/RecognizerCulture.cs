using System.Globalization;

namespace OutreachBot.Domain.Text;

/// <summary>
/// Runs Recognizers code under the invariant culture. Recognizers' Chinese number parser keeps its unit map ("多", "余",
/// "几", "万万", …) in a sorted dictionary whose comparer calls <see cref="string.CompareTo(string)"/>, i.e. compares with
/// <see cref="CultureInfo.CurrentCulture"/> at the moment of each comparison. Bot Framework sets the current culture to
/// each activity's locale, and zh-CN (pinyin), zh-TW (strokes) and en-US order those characters differently: a model
/// built during one user's turn and read during another's lost its keys, and "50万" read as nothing. Building and reading
/// every model under one culture keeps the order the same; invariant also keeps the library's culture-less number
/// parsing independent of the user's locale.
/// </summary>
internal static class RecognizerCulture
{
    public static T Invariant<T>(Func<T> work)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return work();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
