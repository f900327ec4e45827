namespace OutreachBot.Features.StageTwo;

/// <summary>Texts of the stage-2 kit (StageTwoTexts.resx, StageTwoTexts.zh-CN.resx).</summary>
public sealed class StageTwoTexts : ITextSet;
