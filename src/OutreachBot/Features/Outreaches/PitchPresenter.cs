using OutreachBot.Chat.Output;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Outreaches;

/// <summary>
/// Drafts the message for one target and shows it: as the pitch card where cards render, as plain messages elsewhere.
/// Also writes the follow-up messages the outcomes call for (no capacity, interested).
/// </summary>
public sealed class PitchPresenter(OutreachRenderer renderer, PitchAudience audience)
{
    public async Task ShowAsync(
        ChatSession session, Outreach outreach, OutreachTarget target, IReadOnlyList<CollisionWarning> warnings, PitchVariant? variant, CancellationToken cancellationToken)
    {
        var chosen = variant is PitchVariant.FirstContact or PitchVariant.AskForPointer ? variant.Value : PitchRequest.FirstVariant(target.Route);
        var language = session.Language;
        var addressee = audience.Addressee(target.Department.Id, chosen, null, DateOnly.FromDateTime(session.LocalNow.DateTime));
        var people = audience.People(session, target, addressee);
        var business = target.Route == LeadRoute.KeywordSearch ? audience.MatchedBusiness(outreach, target) : null;
        var draft = PitchDrafter.Draft(PitchRequest.For(outreach, target, chosen, language, people, business));
        var departmentName = target.Department.Name.In(session.Language);
        var support = PitchSupport.For(outreach, target);

        var view = new PitchView(
            outreach.Id,
            target.Department.Id,
            departmentName,
            (target.Route ?? LeadRoute.OrgChart).ToString(),
            chosen,
            draft.Parts is { } parts ? PitchWriter.Write(parts) : null,
            addressee?.Person.FullName(language),
            To(session, addressee, departmentName, language),
            chosen == PitchVariant.FirstContact && support is not null ? session.Text<PitchTexts>("Card.Asks", departmentName, support) : null,
            [.. draft.Hints.Where(h => draft.IsReady || h.Severity == HintSeverity.Missing).Select(h => session.Say(h.Text))],
            await renderer.DescribeAsync(warnings, session, cancellationToken),
            target.Route is null or LeadRoute.OrgChart
                ? chosen == PitchVariant.AskForPointer ? PitchVariant.FirstContact : PitchVariant.AskForPointer
                : null);

        if (ChannelResponder.SupportsCards(session.Turn.Activity.ChannelId))
        {
            session.Reply(PitchCards.Card(view, session.Culture));
            return;
        }

        foreach (var (text, card) in PitchCards.ForText(view, session.Culture))
        {
            if (card is not null)
            {
                session.Reply(card);
            }
            else if (text is not null)
            {
                session.Reply(text);
            }
        }
    }

    /// <summary>The message an outcome calls for (the playbook says which), to the person last contacted there.</summary>
    public string? FollowUp(ChatSession session, Outreach outreach, OutreachTarget target, PlaybookResult playbook)
    {
        if (playbook.Message is not { } variant)
        {
            return null;
        }

        var language = session.Language;
        var lastContact = outreach.Contacts.LastOrDefault(c => c.DepartmentId == target.Department.Id);
        var addressee = audience.Addressee(target.Department.Id, variant, lastContact, DateOnly.FromDateTime(session.LocalNow.DateTime));
        var slot = playbook.ProposedSlot is { } at ? LocalTime.Format(at, LocalTime.ZoneOrUtc(outreach.TimeZoneId), session.Culture.Name) : null;
        var draft = PitchDrafter.Draft(PitchRequest.For(outreach, target, variant, language, audience.People(session, target, addressee), slot: slot));
        return draft.Parts is { } parts ? PitchWriter.Write(parts) : null;
    }

    private static string To(ChatSession session, PitchAddressee? addressee, string departmentName, Language language)
    {
        if (addressee is null || addressee.Person.FullName(language) is not { } name)
        {
            return session.Text<PitchTexts>("Card.ToNobody", departmentName);
        }

        return addressee.Role switch
        {
            AddresseeRole.Head => session.Text<PitchTexts>("Card.ToHead", name, departmentName),
            AddresseeRole.Veteran when addressee.Years >= 2 => session.Text<PitchTexts>("Card.ToVeteran", name, departmentName, addressee.Years),
            AddresseeRole.Veteran => session.Text<PitchTexts>("Card.ToVeteranNew", name, departmentName),
            _ => session.Text<PitchTexts>("Card.To", name),
        };
    }
}
