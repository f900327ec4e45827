using System.Net.Http.Json;
using OutreachBot.Testing;

namespace OutreachBot.Load;

/// <summary>Reads GET /diagnostics/storage (the bot's CountingEntityStore totals).</summary>
public sealed class StorageCounter(HttpClient http, Uri baseAddress)
{
    public async Task<Dictionary<string, long>> ReadAsync() =>
        await http.GetFromJsonAsync<Dictionary<string, long>>(new Uri(baseAddress, "/diagnostics/storage"))
        ?? throw new InvalidOperationException("/diagnostics/storage returned nothing.");

    public static Dictionary<string, long> Delta(Dictionary<string, long> before, Dictionary<string, long> after) =>
        after.Select(p => (p.Key, Value: p.Value - before.GetValueOrDefault(p.Key)))
            .Where(p => p.Value != 0)
            .ToDictionary(p => p.Key, p => p.Value);
}

public sealed record CommandRoundTrips(string Command, int Turns, double PerTurn, IReadOnlyDictionary<string, double> ByOperation);

/// <summary>
/// Storage round trips per turn by command: one user per language, warmed up by one pass of the script, then each turn
/// is sent alone and the counter read before and after it, so every round trip belongs to that turn.
/// </summary>
public static class StorageRoundTrips
{
    public static async Task<IReadOnlyList<CommandRoundTrips>> MeasureAsync(Uri baseAddress, int rounds)
    {
        using var http = TurnClient.CreateHttpClient(TimeSpan.FromSeconds(30));
        var client = new TurnClient(http, new Uri(baseAddress, "/api/messages"));
        var counter = new StorageCounter(http, baseAddress);
        var samples = new List<(string Command, Dictionary<string, long> Delta)>();
        foreach (var locale in new[] { "zh-CN", "en-US" })
        {
            var user = SimulatedUser.Create("roundtrips", 0, locale);
            foreach (var step in Script.For(user))
            {
                await client.SendAsync(step.Command, Activities.Message(user, step.Text), CancellationToken.None);
            }

            for (var round = 0; round < rounds; round++)
            {
                foreach (var step in Script.For(user))
                {
                    var before = await counter.ReadAsync();
                    await client.SendAsync(step.Command, Activities.Message(user, step.Text), CancellationToken.None);
                    samples.Add((step.Command, StorageCounter.Delta(before, await counter.ReadAsync())));
                }
            }
        }

        return samples.GroupBy(s => s.Command)
            .Select(g => new CommandRoundTrips(
                g.Key,
                g.Count(),
                g.Average(s => s.Delta.GetValueOrDefault("total")),
                g.SelectMany(s => s.Delta.Where(p => p.Key.Contains(':', StringComparison.Ordinal)))
                    .GroupBy(p => p.Key)
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .ToDictionary(p => p.Key, p => p.Sum(x => x.Value) / (double)g.Count())))
            .ToList();
    }
}
