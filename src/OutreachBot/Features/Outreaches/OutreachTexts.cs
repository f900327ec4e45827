namespace OutreachBot.Features.Outreaches;

/// <summary>Texts of the outreach feature (OutreachTexts.resx, OutreachTexts.zh-CN.resx).</summary>
public sealed class OutreachTexts : ITextSet;
