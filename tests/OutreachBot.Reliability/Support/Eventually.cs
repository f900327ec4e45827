using System.Diagnostics;

namespace OutreachBot.Reliability.Support;

/// <summary>Waiting on a child process: asks again until the condition holds or the time is up.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    /// <returns>Whether the condition held before <paramref name="timeout"/>.</returns>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(PollEvery);
        }

        return true;
    }
}
