using BenchmarkDotNet.Running;
using OutreachBot.Benchmarks.Reminders;

if (args is ["reminders", .. var rest])
{
    return await ReminderDispatchScenario.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
