using Microsoft.Extensions.Options;
using OutreachBot.Domain.Directory.Leads;
using OutreachBot.Domain.Directory.Search;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Directory;

/// <summary>
/// The company's memory of needs and outcomes for search: read from storage at most once per
/// <c>OrgDirectory:RefreshInterval</c> (so other instances' outcomes arrive too), updated at once for outcomes recorded here.
/// </summary>
public sealed class LiveNeedHistory(NeedOutcomeLog log, IOptions<OrgDirectoryOptions> options, TimeProvider time, ILogger<LiveNeedHistory> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private Dictionary<(string Outreach, string Department), NeedOutcome> outcomes = [];
    private NeedHistory current = NeedHistory.Empty;
    private DateTimeOffset loadedAt = DateTimeOffset.MinValue;

    /// <summary>The history as last read; never waits for storage.</summary>
    public NeedHistory Current => Volatile.Read(ref current);

    /// <summary>The history, read again first when it is older than the refresh interval. A failed read keeps the old one.</summary>
    public async Task<NeedHistory> GetAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - loadedAt < options.Value.RefreshInterval)
        {
            return Current;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (time.GetUtcNow() - loadedAt >= options.Value.RefreshInterval)
            {
                var stored = await log.ListAsync(cancellationToken);
                outcomes = stored.ToDictionary(o => (o.OutreachId, o.DepartmentId));
                Volatile.Write(ref current, new NeedHistory(outcomes.Values));
                loadedAt = time.GetUtcNow();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Reading the need history failed; search keeps the previous one.");
            loadedAt = time.GetUtcNow();
        }
        finally
        {
            gate.Release();
        }

        return Current;
    }

    /// <summary>Stores each target's outcome for the outreach's need when it changed; targets without an outcome are forgotten.</summary>
    public async Task SyncAsync(Outreach outreach, DepartmentSearch search, CancellationToken cancellationToken)
    {
        await GetAsync(cancellationToken);
        var need = string.IsNullOrWhiteSpace(outreach.CapabilityNeeded) ? outreach.ProductIdea : outreach.CapabilityNeeded;
        var keys = search.Read(need).NeedKeys(search.Vocabulary);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var changed = false;
            foreach (var target in outreach.Targets)
            {
                var key = (outreach.Id, target.Department.Id);
                var kind = KindOf(target);
                var known = outcomes.GetValueOrDefault(key);
                if (kind is null || keys.Count == 0)
                {
                    if (known is not null)
                    {
                        await log.ForgetAsync(outreach.Id, target.Department.Id, cancellationToken);
                        outcomes.Remove(key);
                        changed = true;
                    }

                    continue;
                }

                var outcome = new NeedOutcome(outreach.Id, target.Department.Id, keys, kind.Value);
                if (known is null || known.Kind != outcome.Kind || !known.NeedKeys.SequenceEqual(outcome.NeedKeys))
                {
                    await log.RecordAsync(outcome, cancellationToken);
                    outcomes[key] = outcome;
                    changed = true;
                }
            }

            if (changed)
            {
                Volatile.Write(ref current, new NeedHistory(outcomes.Values));
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Interest, a meeting, an agreement or "no people, but it is ours" count as yes; a refusal by its reason.</summary>
    internal static NeedOutcomeKind? KindOf(OutreachTarget target) => target.Stage switch
    {
        TargetStage.Interested or TargetStage.MeetingScheduled or TargetStage.Agreed or TargetStage.NoCapacity => NeedOutcomeKind.Agreed,
        TargetStage.Refused when target.RefusalReason == RefusalReason.NotTheirScope => NeedOutcomeKind.RefusedNotTheirScope,
        TargetStage.Refused => NeedOutcomeKind.RefusedOther,
        _ => null,
    };
}

/// <summary>Keeps the need history in step with outcomes: the outreach use cases publish every change.</summary>
public sealed class NeedOutcomeListener(LiveNeedHistory history, LiveDirectory directory) : IOutreachEventSubscriber
{
    public Task OnOutreachEventAsync(OutreachEvent change, CancellationToken cancellationToken) =>
        history.SyncAsync(change.Outreach, directory.Current.Search, cancellationToken);
}
