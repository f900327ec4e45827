using System.Net.Mail;
using OutreachBot.Chat;
using OutreachBot.Chat.Cards;
using OutreachBot.Chat.Commands;
using OutreachBot.Chat.Identity;
using OutreachBot.Chat.Localization;

namespace OutreachBot.Features.Settings;

/// <summary><c>language zh|en</c> / <c>语言 zh|en</c>.</summary>
public sealed class LanguageCommand : ICommandHandler
{
    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        if (request.Arguments.Length == 0)
        {
            session.Reply(SettingsCards.LanguageChoice(session.Culture));
            return;
        }

        if (Language.Parse(request.Arguments) is not { } language)
        {
            session.Reply(session.Text<SettingsTexts>("Language.Unknown", request.Arguments));
            return;
        }

        await session.UpdateProfileAsync(p => p with { Language = language.Tag }, cancellationToken);
        session.Reply(session.Text<SettingsTexts>("Language.Set"));
    }
}

/// <summary><c>timezone &lt;IANA&gt;</c> / <c>时区 &lt;IANA&gt;</c>.</summary>
public sealed class TimeZoneCommand : ICommandHandler
{
    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        if (request.Arguments.Length == 0)
        {
            session.Reply(session.Text<SettingsTexts>("TimeZone.Current", session.TimeZone.Id, session.FormatDateTime(session.Clock.GetUtcNow())));
            return;
        }

        if (TimeZoneNames.Resolve(request.Arguments) is not { } zone)
        {
            session.Reply(session.Text<SettingsTexts>("TimeZone.Unknown", request.Arguments));
            return;
        }

        await session.UpdateProfileAsync(p => p with { TimeZoneId = zone, TimeZoneChosen = true }, cancellationToken);
        session.Reply(session.Text<SettingsTexts>("TimeZone.Set", zone, session.FormatDateTime(session.Clock.GetUtcNow())));
    }
}

/// <summary><c>iam &lt;email&gt;</c> / <c>我是 &lt;email&gt;</c>: links the chat user to an org-directory person.</summary>
public sealed class IamCommand(IEnumerable<IOrgDirectoryLookup> directories) : ICommandHandler
{
    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        if (request.Arguments.Length == 0)
        {
            session.Reply(session.Profile.Email is { } known
                ? session.Text<SettingsTexts>("Iam.Current", known)
                : session.Text<SettingsTexts>("Iam.Usage"));
            return;
        }

        if (!MailAddress.TryCreate(request.Arguments, out var address) || address.Address != request.Arguments || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            session.Reply(session.Text<SettingsTexts>("Iam.InvalidEmail", request.Arguments));
            return;
        }

        var email = address.Address.ToLowerInvariant();
        var directory = directories.FirstOrDefault();
        var person = directory is null ? null : await directory.FindByEmailAsync(email, cancellationToken);
        await session.UpdateProfileAsync(p => p with { Email = email, PersonId = person?.PersonId }, cancellationToken);
        session.Reply(person is not null
            ? session.Text<SettingsTexts>("Iam.Linked", person.DisplayName, email)
            : directory is null
                ? session.Text<SettingsTexts>("Iam.SavedNoDirectory", email)
                : session.Text<SettingsTexts>("Iam.SavedNotFound", email));
    }
}

/// <summary><c>settings</c> / <c>设置</c>: the guided settings flow.</summary>
public sealed class SettingsCommand : ICommandHandler
{
    public Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken) =>
        session.StartFlowAsync(SettingsFlow.FlowName, cancellationToken);
}

public static class TimeZoneNames
{
    /// <summary>The IANA id for an IANA or Windows time-zone name, or null when unknown.</summary>
    public static string? Resolve(string text)
    {
        var name = text.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone))
        {
            return null;
        }

        return zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
    }
}

public static class SettingsCards
{
    public static AdaptiveCard LanguageChoice(System.Globalization.CultureInfo culture) =>
        new(
            [new TextBlock(Texts<SettingsTexts>.Get(culture, "Language.Choose"))],
            [
                CardActions.Command("中文", SettingsCommandSet.Language.Name, "zh"),
                CardActions.Command("English", SettingsCommandSet.Language.Name, "en"),
            ]);
}
