using System.Net.Http.Headers;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newtonsoft.Json;
using Transcript = OutreachBot.Testing.Transcript;

namespace OutreachBot.Tests.Support;

/// <summary>Where a Teams member talks to the bot: the three conversation shapes of the manifest's scopes.</summary>
public enum TeamsPlace
{
    /// <summary>message-personal.json: a 1:1 chat.</summary>
    Personal,

    /// <summary>message-personal.json as a group chat (conversationType groupChat, isGroup, a 19:…@thread.v2 id) with an @mention.</summary>
    GroupChat,

    /// <summary>message-channel-mention.json: a team channel with an @mention.</summary>
    Channel,
}

/// <summary>
/// A bot whose Teams activities arrive over HTTP at /api/messages (Teams' shapes, expectReplies) and whose Bot Connector —
/// the roster included — is a <see cref="FakeBotConnector"/> on 127.0.0.1, so who a member is comes over real HTTP as
/// in Teams. The host runs in local mode (no app id), where nothing is authenticated; <see cref="TeamsVouchedFor"/>
/// stands in for the edge's token validation (tested on its own in the Reliability suite) and vouches for msteams
/// activities, exactly as <see cref="AuthenticatedTeamsTrust"/> does for authenticated ones.
/// </summary>
public sealed class TeamsBot : IAsyncDisposable
{
    private TeamsBot(BotTestHost host, FakeBotConnector connector)
    {
        Host = host;
        Connector = connector;
        Http = host.CreateClient();
    }

    public BotTestHost Host { get; }

    public FakeBotConnector Connector { get; }

    public HttpClient Http { get; }

    /// <param name="vouched">False: the bot as deployed in local mode, where Teams-shaped activities are not vouched for.</param>
    public static async Task<TeamsBot> StartAsync(bool vouched = true, BotTestOptions? options = null)
    {
        var connector = await FakeBotConnector.StartAsync();
        var given = options ?? BotTestOptions.Quiet with { Directory = TestDirectory.DemoCompany };
        var seam = given.Services;
        var host = new BotTestHost(given with
        {
            Services = services =>
            {
                seam?.Invoke(services);
                if (vouched)
                {
                    services.Replace(ServiceDescriptor.Singleton<IChannelTrust, TeamsVouchedFor>());
                }
            },
        });
        return new TeamsBot(host, connector);
    }

    /// <summary>A member of the directory (demo company) as Teams knows them, in the roster from now on.</summary>
    public TeamsMember Member(string email, string name, int number)
    {
        var member = new TeamsMember($"29:member-{number}", name, $"00000000-0000-4000-8000-{number:D12}", email);
        Connector.Members[member.Id] = member;
        return member;
    }

    public TeamsChat Chat(TeamsMember member, TeamsPlace place, string locale = "en-US", string? conversationId = null) =>
        new(this, member, place, locale, conversationId);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }

    /// <summary>Vouches for Teams activities with an AAD object id, as an authenticated request would be.</summary>
    public sealed class TeamsVouchedFor : IChannelTrust
    {
        public bool VouchesForUser(ITurnContext turn) =>
            turn.Activity.ChannelId == "msteams" && !string.IsNullOrEmpty(turn.Activity.From?.AadObjectId);
    }
}

/// <summary>One member in one Teams conversation, talking over HTTP.</summary>
public sealed class TeamsChat(TeamsBot bot, TeamsMember member, TeamsPlace place, string locale, string? conversationId)
{
    public const string GroupChatId = "19:groupchat-7f3a@thread.v2";

    public TeamsMember Member => member;

    public Task<IReadOnlyList<Activity>> SayAsync(string text)
    {
        var activity = Base(place == TeamsPlace.Channel ? "message-channel-mention.json" : "message-personal.json");
        activity["text"] = place == TeamsPlace.Personal ? text : "<at>OutreachBot</at> " + text;
        if (place != TeamsPlace.Personal)
        {
            activity["entities"] = new JArray(
                new JObject
                {
                    ["type"] = "mention",
                    ["mentioned"] = new JObject { ["id"] = activity["recipient"]!["id"], ["name"] = "OutreachBot" },
                    ["text"] = "<at>OutreachBot</at>",
                },
                activity["entities"]!.Last!);
        }

        return SendAsync(activity);
    }

    /// <summary>An Action.Submit press (message-card-submit.json): a message with the button's data as its value.</summary>
    public Task<IReadOnlyList<Activity>> SubmitAsync(JObject card, string buttonTitle, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var activity = Base(place == TeamsPlace.Channel ? "message-channel-mention.json" : "message-personal.json");
        activity.Remove("text");
        activity["entities"] = new JArray(activity["entities"]!.Last!);
        var data = (JObject)Transcript.FindAction(card, buttonTitle)["data"]!.DeepClone();
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            data[key] = value;
        }

        activity["value"] = data;
        return SendAsync(activity);
    }

    /// <summary>An Action.Execute press (invoke-adaptive-card-action.json).</summary>
    public Task<IReadOnlyList<Activity>> PressAsync(JObject card, string buttonTitle)
    {
        var action = Transcript.FindAction(card, buttonTitle);
        var activity = Base("invoke-adaptive-card-action.json");
        activity["value"] = new JObject
        {
            ["action"] = new JObject { ["type"] = "Action.Execute", ["title"] = buttonTitle, ["verb"] = action["verb"], ["data"] = action["data"]!.DeepClone() },
            ["trigger"] = "manual",
        };
        return SendAsync(activity);
    }

    private JObject Base(string shape)
    {
        var activity = TeamsPayloads.Load(shape);
        activity.Remove("localTimestamp");
        activity["id"] = Guid.NewGuid().ToString("N");
        activity["serviceUrl"] = bot.Connector.ServiceUrl.AbsoluteUri;
        activity["from"] = new JObject { ["id"] = member.Id, ["name"] = member.Name, ["aadObjectId"] = member.AadObjectId };
        activity["locale"] = locale;
        var conversation = (JObject)activity["conversation"]!;
        switch (place)
        {
            case TeamsPlace.Personal:
                conversation["id"] = conversationId ?? $"a:personal-{member.Id}";
                break;
            case TeamsPlace.GroupChat:
                conversation["id"] = conversationId ?? GroupChatId;
                conversation["conversationType"] = "groupChat";
                conversation["isGroup"] = true;
                break;
            case TeamsPlace.Channel:
                if (shape != "message-channel-mention.json")
                {
                    // A card pressed in a channel arrives in the channel's conversation, with its channel data.
                    var channel = TeamsPayloads.Load("message-channel-mention.json");
                    activity["conversation"] = conversation = (JObject)channel["conversation"]!;
                    activity["channelData"] = channel["channelData"];
                }

                if (conversationId is not null)
                {
                    conversation["id"] = conversationId;
                }

                break;
        }

        if (activity["entities"] is JArray entities && entities.Last is JObject clientInfo && (string?)clientInfo["type"] == "clientInfo")
        {
            clientInfo["locale"] = locale;
        }

        return activity.ExpectingReplies();
    }

    private async Task<IReadOnlyList<Activity>> SendAsync(JObject activity)
    {
        using var content = new StringContent(activity.ToString(Formatting.None), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await bot.Http.PostAsync(bot.Host.MessagesEndpoint, content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        var replies = new List<Activity>();
        foreach (var reply in JObject.Parse(body)["activities"] as JArray ?? [])
        {
            var parsed = reply.ToObject<Activity>()!;
            if (parsed.Type == ActivityTypesEx.InvokeResponse && reply["value"] is JObject value)
            {
                var invoke = value.ToObject<InvokeResponse>()!;
                // The host writes the InvokeResponse with .NET names (Status, Body), the card answer with JSON names.
                if (value.GetValue("body", StringComparison.OrdinalIgnoreCase) is JObject answer && (string?)answer["type"] is { } type)
                {
                    invoke.Body = new AdaptiveCardInvokeResponse { StatusCode = (int?)answer["statusCode"] ?? 200, Type = type, Value = answer["value"] };
                }

                parsed.Value = invoke;
            }

            CardCollector.CollectFrom("Teams over HTTP", parsed);
            replies.Add(parsed);
        }

        return replies;
    }
}
