namespace OutreachBot.Development.WebChat;

/// <summary>Texts of the local Web Chat page (WebChatTexts.resx, WebChatTexts.zh-CN.resx).</summary>
public sealed class WebChatTexts : ITextSet;
