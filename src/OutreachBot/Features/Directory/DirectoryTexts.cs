namespace OutreachBot.Features.Directory;

/// <summary>Texts of the department finder (DirectoryTexts.resx, DirectoryTexts.zh-CN.resx).</summary>
public sealed class DirectoryTexts : ITextSet;
