namespace OutreachBot.Features.Outreaches;

/// <summary>
/// The pitch's message templates and its card (PitchTexts.resx, PitchTexts.zh-CN.resx). In Chinese, 您 becomes 你 in
/// every message template when the addressee is a familiar peer (<see cref="Domain.Outreaches.FormOfAddress.Familiar"/>).
/// </summary>
public sealed class PitchTexts : ITextSet;
