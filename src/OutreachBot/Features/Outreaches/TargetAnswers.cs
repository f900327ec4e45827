using OutreachBot.Chat.Flows;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Outreaches;

/// <summary>
/// The answers a flow about one partner of an outreach starts with (which outreach, which department, its name in the
/// user's language), declared once for the pitch, meeting and agreement flows.
/// </summary>
public static class TargetAnswers
{
    public static readonly AnswerKey<string> OutreachId = new("outreachId");
    public static readonly AnswerKey<string> DepartmentId = new("departmentId");
    public static readonly AnswerKey<string> DepartmentName = new("departmentName");

    /// <summary>The three answers for <paramref name="target"/> of <paramref name="outreach"/>, then <paramref name="more"/>.</summary>
    public static KeyValuePair<string, string>[] Of(Outreach outreach, OutreachTarget target, ChatSession session, params KeyValuePair<string, string>[] more) =>
    [
        FlowAnswers.Given(OutreachId, outreach.Id),
        FlowAnswers.Given(DepartmentId, target.Department.Id),
        FlowAnswers.Given(DepartmentName, target.Department.Name.In(session.Language)),
        .. more,
    ];
}
