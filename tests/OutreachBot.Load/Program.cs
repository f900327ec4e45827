using System.Globalization;
using OutreachBot.Load;
using OutreachBot.Testing;

// Load harness: the real OutreachBot and an echo baseline, each a child process on a free loopback port, driven over
// HTTP by N concurrent simulated PMs. Usage (docs/benchmarks.md "Load"):
//   dotnet run -c Release --project tests/OutreachBot.Load -- --users 32 --seconds 30 --storage sqlite|azurite
var options = HarnessOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: [--users 32] [--seconds 30] [--warmup 5] [--turns N] [--storage sqlite|azurite] [--rounds 3] [--think ms] [--no-echo]");
    return 2;
}

var settings = new LoadSettings(options.Users, TimeSpan.FromSeconds(options.Seconds), TimeSpan.FromSeconds(options.WarmUp), options.TurnsPerUser, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(options.ThinkMilliseconds));
var report = new Report(Console.Out);
report.Header(options);

LoadResult? echo = null;
if (options.Echo)
{
    Console.Error.WriteLine("Echo baseline: starting");
    await using var echoBot = await BotProcess.StartAsync(RepositoryPaths.EchoBotDll, new Dictionary<string, string>());
    echo = await LoadRun.RunAsync(echoBot.MessagesEndpoint, settings, "echo");
}

var scratch = Directory.CreateTempSubdirectory("outreachbot-load-");
AzuriteProcess? azurite = null;
try
{
    var environment = new Dictionary<string, string> { ["Storage__CountOperations"] = "true" };
    if (options.Storage == "azurite")
    {
        var endpoint = Environment.GetEnvironmentVariable("AZURITE_TABLE_ENDPOINT");
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            Console.Error.WriteLine("Azurite: starting a private one");
            azurite = await AzuriteProcess.StartNewAsync();
            endpoint = azurite.TableEndpoint;
        }

        environment["Storage__Provider"] = "AzureTables";
        environment["Storage__AzureTables__ConnectionString"] = AzuriteProcess.ConnectionStringFor(endpoint.TrimEnd('/'));
        environment["Storage__AzureTables__TablePrefix"] = "load" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
    }
    else
    {
        environment["Storage__Provider"] = "Sqlite";
        environment["Storage__Sqlite__Path"] = Path.Combine(scratch.FullName, "outreachbot.db");
    }

    Console.Error.WriteLine($"OutreachBot ({options.Storage}): starting");
    await using var bot = await BotProcess.StartAsync(RepositoryPaths.OutreachBotDll, environment);
    using var counterHttp = TurnClient.CreateHttpClient(TimeSpan.FromSeconds(30));
    var counter = new StorageCounter(counterHttp, bot.BaseAddress);
    Dictionary<string, long>? atStart = null;
    var outreach = await LoadRun.RunAsync(bot.MessagesEndpoint, settings, "bot", async () => atStart = await counter.ReadAsync());
    var atEnd = await counter.ReadAsync();
    Console.Error.WriteLine("Storage round trips per command: measuring");
    var roundTrips = await StorageRoundTrips.MeasureAsync(bot.BaseAddress, options.Rounds);
    var underLoad = StorageCounter.Delta(atStart ?? [], atEnd).GetValueOrDefault("total") / (double)Math.Max(1, outreach.Turns.Count);
    report.Results(outreach, echo, roundTrips, underLoad);
    if (bot.HasExited)
    {
        Console.Error.WriteLine("The bot exited during the run:" + Environment.NewLine + bot.RecentOutput);
        return 1;
    }
}
finally
{
    if (azurite is not null)
    {
        await azurite.DisposeAsync();
    }

    scratch.Delete(recursive: true);
}

return 0;

internal sealed record HarnessOptions(int Users, int Seconds, int WarmUp, int? TurnsPerUser, string Storage, int Rounds, bool Echo, int ThinkMilliseconds)
{
    public static HarnessOptions? Parse(string[] args)
    {
        var result = new HarnessOptions(32, 30, 5, null, "sqlite", 3, true, 0);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value", nameof(args));
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            result = args[i] switch
            {
                "--users" => result with { Users = NextInt() },
                "--seconds" => result with { Seconds = NextInt() },
                "--warmup" => result with { WarmUp = NextInt() },
                "--turns" => result with { TurnsPerUser = NextInt() },
                "--storage" => result with { Storage = Next().ToLowerInvariant() },
                "--rounds" => result with { Rounds = NextInt() },
                "--no-echo" => result with { Echo = false },
                "--think" => result with { ThinkMilliseconds = NextInt() },
                _ => null,
            };
            if (result is null)
            {
                return null;
            }
        }

        return result.Storage is "sqlite" or "azurite" && result.Users > 0 ? result : null;
    }
}
