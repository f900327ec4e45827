using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachBot.Chat.Cards;

/// <summary>
/// A card button's data as a typed record, declared by the feature that handles its <see cref="Verb"/>: the card builds
/// the record (<c>CardActions.Verb(title, action)</c>), the handler receives it (<c>CardActionHandler&lt;T&gt;</c>).
/// </summary>
public interface ICardAction
{
    static abstract string Verb { get; }
}

/// <summary>
/// The one way a card's data is written and read: a record's fields as the flat map of strings a button carries, named
/// in camelCase (<c>OutreachId</c> is <c>outreachId</c>). A card's inputs land in the same map, so an input named
/// <see cref="FieldName"/> of a field fills that field. A blank value counts as absent; a missing required field is a
/// malformed action, as is data of another shape.
/// </summary>
public static class CardActionCodec
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The data key of a record's property, e.g. for the input that fills it: <c>FieldName(nameof(RecordContact.Person))</c>.</summary>
    public static string FieldName(string propertyName) => JsonNamingPolicy.CamelCase.ConvertName(propertyName);

    public static Dictionary<string, string> Write<TData>(TData data)
    {
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in JsonSerializer.SerializeToElement(data, Options).EnumerateObject())
        {
            written[field.Name] = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : field.Value.GetRawText();
        }

        return written;
    }

    public static TData Read<TData>(IReadOnlyDictionary<string, string> data)
    {
        var given = data.Where(d => !string.IsNullOrWhiteSpace(d.Value)).ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        try
        {
            return JsonSerializer.Deserialize<TData>(JsonSerializer.SerializeToUtf8Bytes(given, Options), Options)
                ?? throw new MalformedCardActionException($"The card data is not a {typeof(TData).Name}.");
        }
        catch (JsonException exception)
        {
            throw new MalformedCardActionException($"The card data is not a {typeof(TData).Name}: {exception.Message}");
        }
    }
}

/// <summary>Handles one typed card action; its data is read (or refused as malformed) before <see cref="HandleAsync(TAction, ChatSession, CancellationToken)"/> runs.</summary>
public abstract class CardActionHandler<TAction> : ICardActionHandler
    where TAction : ICardAction
{
    public Task HandleAsync(CardActionRequest request, ChatSession session, CancellationToken cancellationToken) =>
        HandleAsync(CardActionCodec.Read<TAction>(request.Data), session, cancellationToken);

    public abstract Task HandleAsync(TAction action, ChatSession session, CancellationToken cancellationToken);
}
