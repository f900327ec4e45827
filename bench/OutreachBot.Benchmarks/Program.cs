using BenchmarkDotNet.Running;

if (args is ["directory-harness", ..])
{
    await OutreachBot.Benchmarks.Directory.DirectoryHarness.RunAsync(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
