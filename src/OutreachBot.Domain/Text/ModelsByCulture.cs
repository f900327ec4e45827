using System.Collections.Concurrent;

namespace OutreachBot.Domain.Text;

/// <summary>
/// One Recognizers model per culture, built on first use and shared by every turn after (a model is immutable once
/// built). Lazy: building one takes long enough that turns arriving together would otherwise each build their own.
/// </summary>
internal sealed class ModelsByCulture<TModel>(Func<string, TModel> build)
{
    private readonly ConcurrentDictionary<string, Lazy<TModel>> models = new(StringComparer.Ordinal);

    public TModel For(string culture) => models.GetOrAdd(culture, c => new Lazy<TModel>(() => build(c))).Value;
}
