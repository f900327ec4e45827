using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace OutreachBot.Testing;

/// <summary>Where the repository and the built bots are, seen from a harness or test assembly built in the same tree.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration this assembly was built with; the bots it starts were built with the same one.</summary>
    public static string Configuration { get; } =
        Assembly.GetExecutingAssembly().GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Release";

    public static string OutreachBotDll => BuiltDll(Path.Combine("src", "OutreachBot"), "OutreachBot.dll");

    public static string EchoBotDll => BuiltDll(Path.Combine("tests", "OutreachBot.Load.Echo"), "OutreachBot.Load.Echo.dll");

    public static string? AzuriteTable
    {
        get
        {
            var candidate = Path.Combine(Root, "node_modules", ".bin", "azurite-table");
            return File.Exists(candidate) ? candidate : null;
        }
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string BuiltDll(string project, string dll)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: build the solution with -c {Configuration} first.", path);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OutreachBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("OutreachBot.sln not found above " + AppContext.BaseDirectory);
    }
}
