using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace OutreachBot.Reliability.Security;

/// <summary>The review's four forged tokens, many times over, against the real process: the log stays small and exact.</summary>
public sealed partial class RefusalLogFloodTests(ITestOutputHelper output)
{
    private const int Requests = 600;
    private const int LinesPerMinute = 10;

    [Fact]
    public async Task A_flood_of_forged_tokens_logs_at_most_the_limit_and_counts_every_other_refusal()
    {
        await using var provider = await LoopbackOpenIdProvider.StartAsync();
        using var attacker = SigningKey.Create("attacker-key");
        var settings = new Dictionary<string, string>(provider.BotSettings(AuthenticationTests.AppId))
        {
            ["Storage__Provider"] = "InMemory",
            ["Bot__RefusalLogLinesPerMinute"] = LinesPerMinute.ToString(CultureInfo.InvariantCulture),
        };
        await using var bot = await BotProcess.StartAsync(RepositoryPaths.OutreachBotDll, settings);
        var activity = TeamsActivity.Load("message-personal.json").ExpectingReplies();
        var valid = provider.TokenFor(AuthenticationTests.AppId, activity.ServiceUrl());
        string[] forged =
        [
            "Bearer eyJhbGciOiJSUzI1NiJ9.eA.x",
            (valid with { Key = attacker, KeyId = provider.TeamsKey.Id }).Bearer,
            (valid with { Key = attacker }).Bearer,
            (valid with { NotBefore = DateTimeOffset.UtcNow.AddHours(1), Expires = DateTimeOffset.UtcNow.AddHours(2) }).Bearer,
        ];
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        using var warmUp = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, bot.MessagesEndpoint)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
            Headers = { { "Authorization", valid.Bearer } },
        });
        Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        var outputBefore = bot.Output.Count;

        var clock = Stopwatch.StartNew();
        var statuses = await Task.WhenAll(Enumerable.Range(0, Requests).Chunk(Requests / 8).Select(async chunk =>
        {
            var answers = new List<(HttpStatusCode Status, string Body, double Milliseconds)>();
            foreach (var i in chunk)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, bot.MessagesEndpoint)
                {
                    Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
                };
                request.Headers.TryAddWithoutValidation("Authorization", forged[i % forged.Length]);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(), Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            }

            return answers;
        }));
        var elapsed = clock.Elapsed;
        await bot.StopAsync(TimeSpan.FromSeconds(30));

        var answers = statuses.SelectMany(a => a).ToList();
        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Unauthorized, ""), (a.Status, a.Body)));
        var lines = bot.Output.Skip(outputBefore).ToList();
        var logged = lines.Count(l => l.Contains("Refused a request to /api/messages with 401", StringComparison.Ordinal));
        var suppressed = lines.Select(l => SuppressedLine().Match(l)).Where(m => m.Success).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        var refilled = (int)Math.Ceiling(elapsed.TotalMinutes * LinesPerMinute);
        Assert.Equal(Requests, logged + suppressed);
        Assert.InRange(logged, LinesPerMinute, LinesPerMinute + refilled);
        Assert.DoesNotContain(lines, l => l.Contains("Exception", StringComparison.Ordinal));

        var milliseconds = answers.Select(a => a.Milliseconds).Order().ToList();
        output.WriteLine(
            $"{Requests} forged tokens in {elapsed.TotalSeconds:F1} s ({Requests / elapsed.TotalSeconds:F0}/s, 8 clients): " +
            $"401 p50 {milliseconds[milliseconds.Count / 2]:F1} ms, p99 {milliseconds[(int)(milliseconds.Count * 0.99)]:F1} ms; " +
            $"log {lines.Count} lines / {lines.Sum(l => l.Length + 1)} bytes in all ({logged} refusals logged, {suppressed} counted).");
    }

    [GeneratedRegex(@"Suppressed (\d+) more refused-request lines", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SuppressedLine();
}
