using BenchmarkDotNet.Running;
using OutreachBot.Benchmarks.Reminders;

if (args is ["reminders", .. var rest])
{
    return await ReminderDispatchScenario.RunAsync(rest);
}

if (args is ["directory-harness", ..])
{
    await OutreachBot.Benchmarks.Directory.DirectoryHarness.RunAsync(args[1..]);
    return 0;
}

if (args is ["search-explain", ..])
{
    return OutreachBot.Benchmarks.Directory.SearchExplain.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
