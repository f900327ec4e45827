namespace OutreachBot.Chat.Commands;

/// <summary>The chat core's own commands; every other command is declared by the feature that handles it.</summary>
public static class CoreCommandSet
{
    public static CommandDefinition Cancel { get; } = new CommandDefinition<ChatTexts>("cancel", "取消", helpOrder: 150, "quit", "退出");

    public static CommandDefinition Help { get; } = new CommandDefinition<ChatTexts>("help", "帮助", helpOrder: 1000, "?", "h");
}

public sealed class HelpCommand(CommandCatalog catalog) : ICommandHandler
{
    public Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        session.Reply(ChatCards.Help(new HelpView(catalog.All, catalog.Shortcuts(ShortcutOn.WelcomeAndHelp)), session.Culture));
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
