namespace OutreachBot.Reliability.Support;

/// <summary>OUTREACHBOT_LONG=1 turns on the long variants (more activities, more rounds); CI runs the short ones.</summary>
public static class Long
{
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("OUTREACHBOT_LONG") == "1";

    public static int Pick(int ci, int longRun) => Enabled ? longRun : ci;
}
