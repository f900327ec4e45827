namespace OutreachBot.Hosting;

/// <summary>Texts of the host itself, e.g. the error message (HostTexts.resx, HostTexts.zh-CN.resx).</summary>
public sealed class HostTexts : ITextSet;
