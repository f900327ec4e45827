using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Domain.Tests.Outreaches;

/// <summary>Builds outreaches whose target department has reached a chosen stage by legal steps.</summary>
internal sealed class OutreachBuilder
{
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);
    public static readonly DepartmentRef Payments = new("D042", "支付中台", "Payments Platform");
    public static readonly DepartmentRef Risk = new("D077", "风控中心", "Risk Control Center");

    private string id = "o1";
    private string owner = "alice";
    private string idea = "面向中小银行的支付风控 SaaS";
    private readonly List<(DepartmentRef Department, TargetStage Stage)> targets = [];
    private OutreachSharing sharing = OutreachSharing.None;
    private StageOnePrep prep = StageOnePrep.Empty;
    private DateTimeOffset createdAt = Start;

    public OutreachBuilder WithId(string value) { id = value; return this; }

    public OutreachBuilder OwnedBy(string value) { owner = value; return this; }

    public OutreachBuilder WithIdea(string value) { idea = value; return this; }

    public OutreachBuilder CreatedAt(DateTimeOffset value) { createdAt = value; return this; }

    public OutreachBuilder SharedWith(OutreachSharing value) { sharing = value; return this; }

    public OutreachBuilder WithPrep(StageOnePrep value) { prep = value; return this; }

    public OutreachBuilder Targeting(DepartmentRef department, TargetStage stage = TargetStage.Identified)
    {
        targets.Add((department, stage));
        return this;
    }

    public Outreach Build()
    {
        var outreach = Outreach.Create(id, owner, idea, "实时交易风控能力", createdAt, createdAt.AddDays(7), "Asia/Shanghai").GetValueOrThrow();
        var at = createdAt;
        if (sharing != OutreachSharing.None)
        {
            Ok(outreach.ShareWith(owner, at, sharing));
        }

        if (prep != StageOnePrep.Empty)
        {
            Ok(outreach.UpdatePrep(owner, at, prep));
        }

        foreach (var (department, stage) in targets)
        {
            Ok(outreach.AddTarget(owner, at, department, LeadRoute.KeywordSearch, null));
            foreach (var step in PathTo(stage))
            {
                at = at.AddMinutes(1);
                Ok(Apply(outreach, owner, at, department.Id, step));
            }
        }

        return outreach;
    }

    public static OutreachError? Apply(Outreach outreach, string actor, DateTimeOffset at, string departmentId, TargetStage to) => to switch
    {
        TargetStage.Contacted => outreach.RecordContact(actor, at, Contact(departmentId, at)),
        TargetStage.Refused => outreach.RecordOutcome(actor, at, departmentId, ContactOutcome.Refused, RefusalReason.NotTheirScope, null),
        TargetStage.NoCapacity => outreach.RecordOutcome(actor, at, departmentId, ContactOutcome.NoCapacity, null, null),
        TargetStage.Interested => outreach.RecordOutcome(actor, at, departmentId, ContactOutcome.Interested, null, null),
        TargetStage.MeetingScheduled => outreach.ScheduleMeeting(actor, at, departmentId, at.AddDays(1), true, null),
        TargetStage.Agreed => outreach.MarkAgreed(actor, at, departmentId, "开放实时风控接口，收入六四分成", "王总、李总"),
        TargetStage.Dropped => outreach.Drop(actor, at, departmentId, null),
        _ => throw new ArgumentOutOfRangeException(nameof(to), to, "Identified is only reached by adding a target."),
    };

    public static ContactEntry Contact(string departmentId, DateTimeOffset at, string person = "李雷") =>
        new("c-" + at.UtcTicks, departmentId, "P100", person, LeadRoute.OrgChart, at, "您好，想请教一下……", "alice");

    private static TargetStage[] PathTo(TargetStage stage) => stage switch
    {
        TargetStage.Identified => [],
        TargetStage.Contacted => [TargetStage.Contacted],
        TargetStage.Refused or TargetStage.NoCapacity or TargetStage.Interested => [TargetStage.Contacted, stage],
        TargetStage.MeetingScheduled => [TargetStage.Contacted, TargetStage.Interested, TargetStage.MeetingScheduled],
        TargetStage.Agreed => [TargetStage.Contacted, TargetStage.Interested, TargetStage.MeetingScheduled, TargetStage.Agreed],
        TargetStage.Dropped => [TargetStage.Dropped],
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    private static void Ok(OutreachError? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException(error.Message.En);
        }
    }
}
