namespace OutreachBot.Reliability.Fuzzing;

/// <summary>
/// Tests that measure this process's memory run alone, after the parallel ones: another test's bot alive in the same
/// heap at that moment would count as growth of the bot under test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuringCollection
{
    public const string Name = "Measures the process's memory";
}
