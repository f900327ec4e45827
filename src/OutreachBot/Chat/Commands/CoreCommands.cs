namespace OutreachBot.Chat.Commands;

public sealed class HelpCommand(IEnumerable<CommandRegistration> registered) : ICommandHandler
{
    private readonly HashSet<string> available = registered.Select(r => r.Command.Name).ToHashSet(StringComparer.Ordinal);

    public Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        session.Reply(ChatCards.Help(new HelpView(CommandCatalog.All, available), session.Culture));
        return Task.CompletedTask;
    }
}

/// <summary>Cancel outside a flow (inside one, the flow engine handles it).</summary>
public sealed class CancelCommand : ICommandHandler
{
    public Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        session.Reply(session.Text<ChatTexts>("Cancel.Nothing"));
        return Task.CompletedTask;
    }
}
