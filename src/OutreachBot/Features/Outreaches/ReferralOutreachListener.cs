using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Outreaches;

/// <summary>
/// "I was introduced" in the finder: stores the introductions the user confirmed (who introduced them to whom) on my most
/// recently active open outreach that targets the department; status and the brief show them as they happened.
/// </summary>
public sealed class ReferralOutreachListener(OutreachService outreaches, OutreachRenderer renderer) : IReferralListener
{
    public async Task OnReferralRecordedAsync(RecordedReferral referral, ChatSession session, CancellationToken cancellationToken)
    {
        var chain = referral.Introducers.Select(i => new ReferralStep(i.PersonId, i.Name, i.DepartmentId, i.ToPersonId, i.ToName)).ToList();

        var attached = await outreaches.AttachReferralAsync(RequesterResolver.Resolve(session), referral.DepartmentId, chain, cancellationToken);

        if (renderer.ValueOrReplyError(session, attached) is { Outreach: { } outreach, Target: { } target })
        {
            session.Reply(session.Text<OutreachTexts>("Referral.Saved", outreach.ProductIdea, target.Department.Name));
        }
    }
}
