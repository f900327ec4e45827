using OutreachBot.Chat;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Features.Shared;

namespace OutreachBot.Features.Outreaches;

/// <summary>"I was introduced" in the finder: stores the chain on my most recently active open outreach that targets the department.</summary>
public sealed class ReferralOutreachListener(OutreachService outreaches, OutreachRenderer renderer) : IReferralListener
{
    public async Task OnReferralRecordedAsync(RecordedReferral referral, ChatSession session, CancellationToken cancellationToken)
    {
        var chain = referral.Introducers.Select(i => new ReferralStep(i.PersonId, i.Name, i.DepartmentId)).ToList();

        var attached = await outreaches.AttachReferralAsync(RequesterResolver.Resolve(session), referral.DepartmentId, chain, cancellationToken);

        if (attached.Error is { } error)
        {
            renderer.ReplyError(session, error);
        }
        else if (attached.Value is { Outreach: { } outreach, Target: { } target })
        {
            session.Reply(session.Text<OutreachTexts>("Referral.Saved", outreach.ProductIdea, target.Department.Name));
        }
    }
}
