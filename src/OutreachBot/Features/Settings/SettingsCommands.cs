using System.Net.Mail;
using OutreachBot.Storage.UserProfiles;

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

/// <summary>
/// <c>iam &lt;email&gt;</c> / <c>我是 &lt;email&gt;</c>: links the chat user to an org-directory person, within what the channel
/// says. In Teams the link is made from the roster's e-mail without typing (<see cref="ChannelIdentityResolver"/>); a typed
/// address can only confirm it. Where the channel cannot confirm anyone (Web Chat, the test channel) a typed link serves
/// the user's own drafts, is never verified, and never takes a person another user holds.
/// </summary>
public sealed class IamCommand(IEnumerable<IOrgDirectoryLookup> directories, UserProfileStore profiles) : ICommandHandler
{
    public async Task HandleAsync(CommandRequest request, ChatSession session, CancellationToken cancellationToken)
    {
        var identity = session.Identity;
        var directory = directories.FirstOrDefault();
        if (request.Arguments.Length == 0)
        {
            ShowCurrent(session, identity, directory);
            return;
        }

        if (!MailAddress.TryCreate(request.Arguments, out var address) || address.Address != request.Arguments || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            session.Reply(session.Text<SettingsTexts>("Iam.InvalidEmail", request.Arguments));
            return;
        }

        var email = address.Address.ToLowerInvariant();
        if (identity is { ChannelVouches: true, ChannelEmail: { } channelEmail })
        {
            if (!string.Equals(email, channelEmail, StringComparison.Ordinal))
            {
                session.Reply(session.Text<SettingsTexts>("Iam.ChannelDiffers", channelEmail, email));
                return;
            }

            ShowCurrent(session, identity, directory);
            return;
        }

        var person = directory is null ? null : await directory.FindByEmailAsync(email, cancellationToken);
        if (person is null)
        {
            session.Relinked(await profiles.UnlinkPersonAsync(session.User, cancellationToken), identity with { PersonId = null, IsVerified = false });
            await session.UpdateProfileAsync(p => p with { Email = email }, cancellationToken);
            session.Reply(directory is null
                ? session.Text<SettingsTexts>("Iam.SavedNoDirectory", email)
                : session.Text<SettingsTexts>("Iam.SavedNotFound", email));
            return;
        }

        var claim = await profiles.ClaimPersonAsync(session.User, person.PersonId, verified: false, email, cancellationToken);
        if (!claim.Linked)
        {
            session.Reply(session.Text<SettingsTexts>("Iam.Taken", email));
            return;
        }

        session.Relinked(claim.Profile, identity with { PersonId = person.PersonId, IsVerified = false });
        session.Reply(session.Text<SettingsTexts>("Iam.LinkedUnconfirmed", person.DisplayName, email, identity.ChannelName));
    }

    private static void ShowCurrent(ChatSession session, ChatIdentity identity, IOrgDirectoryLookup? directory)
    {
        if (identity.IsVerified && identity.PersonId is { } personId && directory?.FindById(personId) is { } person)
        {
            session.Reply(session.Text<SettingsTexts>("Iam.Verified", person.DisplayName, identity.ChannelEmail));
        }
        else if (identity is { ChannelVouches: true, ChannelEmail: { } channelEmail })
        {
            session.Reply(session.Text<SettingsTexts>("Iam.ChannelNotInDirectory", channelEmail));
        }
        else if (session.Profile.Email is { } known)
        {
            session.Reply(session.Copy.Sentences(session.Text<SettingsTexts>("Iam.Current", known), session.Text<SettingsTexts>("Iam.Unconfirmed", identity.ChannelName)));
        }
        else
        {
            session.Reply(session.Text<SettingsTexts>("Iam.Usage"));
        }
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
    /// <summary>
    /// The IANA id for an IANA or Windows time-zone name, or a city, country or common name in either language
    /// ("Beijing", "北京", "New York", "纽约", "London"); null when unknown.
    /// </summary>
    public static string? Resolve(string text) => OutreachBot.Domain.Understanding.TimeZoneNames.Resolve(text);
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
