using OutreachBot.Hosting;

namespace OutreachBot.Tests.Chat;

/// <summary>The commands exactly as the host registers them (chat core and every feature), for tests of pure functions.</summary>
internal static class ProductCommands
{
    public static CommandCatalog Catalog { get; } = new(
        new ServiceCollection().AddOutreachChat().AddOutreachFeatures()
            .Select(d => d.ImplementationInstance)
            .OfType<CommandRegistration>());

    public static CommandParser Parser { get; } = new(Catalog);
}
