using OutreachBot.Domain.Directory.Leads;
using OutreachBot.Domain.Outreaches;
using OutreachBot.Domain.Storage.Leads;

namespace OutreachBot.Features.Outreaches;

/// <summary>A department added from a finder's result is a lead for that route: the lead log counts which route works.</summary>
public sealed class FinderLeadRecorder(LeadLog leads) : IOutreachEventSubscriber
{
    public async Task OnOutreachEventAsync(OutreachEvent change, CancellationToken cancellationToken)
    {
        if (change is TargetAdded { FromFinder: true, Target: { Route: { } route } target } added)
        {
            await leads.RecordAsync(target.Department.Id, Routes.ToLead(route), added.Actor, target.Department.NameEn, added.Outreach.Id, cancellationToken);
        }
    }
}
