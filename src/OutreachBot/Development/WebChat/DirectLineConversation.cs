using System.Globalization;
using Newtonsoft.Json.Linq;

namespace OutreachBot.Development.WebChat;

/// <summary>
/// One Web Chat conversation: who is talking and the activities the page has yet to fetch, numbered so that a
/// watermark (the last number the page has seen) says exactly what is new.
/// </summary>
public sealed class DirectLineConversation(string id, string token, string userId, string? locale, DateTimeOffset now)
{
    private readonly Lock gate = new();
    private readonly LinkedList<(long Number, JObject Activity)> activities = new();
    private long lastNumber;
    private long lastSeenTicks = now.UtcTicks;

    public string Id { get; } = id;

    public string Token { get; } = token;

    public string UserId { get; } = userId;

    public string? Locale { get; } = locale;

    public bool Started { get; private set; }

    public DateTimeOffset LastSeen => new(Interlocked.Read(ref lastSeenTicks), TimeSpan.Zero);

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref lastSeenTicks, now.UtcTicks);

    /// <summary>True the first time only: the caller then tells the bot that the user joined.</summary>
    public bool Start()
    {
        lock (gate)
        {
            if (Started)
            {
                return false;
            }

            Started = true;
            return true;
        }
    }

    /// <summary>Gives the activity its id and timestamp, keeps a copy for the page and returns the id.</summary>
    public string Append(JObject activity, DateTimeOffset now, int keep)
    {
        lock (gate)
        {
            var number = ++lastNumber;
            var activityId = Id + "|" + number.ToString("D7", CultureInfo.InvariantCulture);
            activity["id"] = activityId;
            activity["timestamp"] = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
            activity["conversation"] = new JObject { ["id"] = Id };
            activities.AddLast((number, (JObject)activity.DeepClone()));
            while (activities.Count > keep)
            {
                activities.RemoveFirst();
            }

            return activityId;
        }
    }

    /// <summary>The activities after <paramref name="watermark"/> (at most <paramref name="max"/>) and the new watermark.</summary>
    public (IReadOnlyList<JObject> Activities, long Watermark) After(long watermark, int max)
    {
        lock (gate)
        {
            var found = activities.Where(a => a.Number > watermark).Take(max).ToList();
            var next = found.Count > 0 ? found[^1].Number : Math.Min(Math.Max(watermark, 0), lastNumber);
            return (found.Select(a => (JObject)a.Activity.DeepClone()).ToList(), next);
        }
    }
}
