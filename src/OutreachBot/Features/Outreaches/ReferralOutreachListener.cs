using OutreachBot.Chat;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Features.Shared;

namespace OutreachBot.Features.Outreaches;

/// <summary>Stores a recorded referral chain on the user's most recently active open outreach that targets the department.</summary>
public sealed class ReferralOutreachListener(OutreachDesk desk) : IReferralListener
{
    public async Task OnReferralRecordedAsync(RecordedReferral referral, ChatSession session, CancellationToken cancellationToken)
    {
        var outreach = (await desk.OpenOutreachesAsync(session, cancellationToken)).FirstOrDefault(o =>
            o.Targets.Any(t => string.Equals(t.DepartmentId, referral.DepartmentId, StringComparison.OrdinalIgnoreCase) && StageMachine.IsOpen(t.Stage)));
        if (outreach is null)
        {
            return;
        }

        var target = outreach.Targets.First(t => string.Equals(t.DepartmentId, referral.DepartmentId, StringComparison.OrdinalIgnoreCase));
        var chain = referral.Introducers.Select(i => new ReferralStep(i.PersonId, i.Name, i.DepartmentId)).ToList();
        var stored = await desk.Service.RecordReferralAsync(OutreachDesk.RequesterOf(session), outreach.OutreachId, target.DepartmentId, chain, cancellationToken);
        if (stored.Error is { } error)
        {
            OutreachDesk.ReplyError(session, error);
            return;
        }

        await desk.NotifyAsync(stored.Value!, session, cancellationToken);
        session.Reply(session.Text<OutreachTexts>("Referral.Saved", outreach.ProductIdea, OutreachDesk.Say(session, target.DepartmentName)));
    }
}
