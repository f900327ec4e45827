namespace OutreachBot.Chat;

/// <summary>Texts of the conversation layer itself (ChatTexts.resx, ChatTexts.zh-CN.resx).</summary>
public sealed class ChatTexts : ITextSet;
