using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutreachBot.Testing;

/// <summary>Runs tests/cards/validate.mjs (the official `adaptivecards` renderer) over cards. Never skips: missing node fails.</summary>
public static class CardValidator
{
    public const int MaxMessageBytes = 40 * 1024;

    public static IReadOnlyList<string> Problems(IReadOnlyList<CollectedCard> cards)
    {
        var root = RepositoryPaths.Root;
        var script = Path.Combine(root, "tests", "cards", "validate.mjs");
        if (!Directory.Exists(Path.Combine(root, "node_modules", "adaptivecards")))
        {
            Assert.Fail($"node_modules/adaptivecards is missing under {root}: run ./test.sh (or npm ci) first.");
        }

        var input = Path.Combine(Path.GetTempPath(), $"outreachbot-cards-{Guid.NewGuid():N}.json");
        var array = new JsonArray(cards.Select((c, i) => (JsonNode)new JsonObject
        {
            ["name"] = $"#{i} {c.Source}",
            ["card"] = JsonNode.Parse(c.Json),
        }).ToArray());
        File.WriteAllText(input, array.ToJsonString());
        try
        {
            var output = RunNode(script, input, root);
            var problems = new List<string>();
            foreach (var result in JsonDocument.Parse(output).RootElement.EnumerateArray())
            {
                foreach (var problem in result.GetProperty("problems").EnumerateArray())
                {
                    problems.Add($"{result.GetProperty("name").GetString()}: {problem.GetString()}");
                }
            }

            problems.AddRange(cards.Where(c => c.MessageBytes >= MaxMessageBytes).Select(c => $"{c.Source}: message is {c.MessageBytes} bytes (limit {MaxMessageBytes})"));
            return problems;
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static string RunNode(string script, string input, string root)
    {
        var start = new ProcessStartInfo("node", [script, input])
        {
            WorkingDirectory = root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Assert.Fail($"node is not installed or not on PATH ({exception.Message}): run ./test.sh, which checks the toolchain.");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (stdout.Result.Length == 0)
            {
                Assert.Fail($"The card validator failed (exit {process.ExitCode}): {stderr.Result}");
            }

            return stdout.Result;
        }
    }

    /// <summary>The repository root (kept for callers; <see cref="RepositoryPaths.Root"/> is the one place that finds it).</summary>
    public static string RepositoryRoot() => RepositoryPaths.Root;
}
