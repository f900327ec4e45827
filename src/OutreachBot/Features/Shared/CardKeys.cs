namespace OutreachBot.Features.Shared;

/// <summary>
/// The card data keys that buttons carry from one feature to another: the finder's "target this department" is
/// handled by the outreach feature, a reminder's "open outreach" by status. Declared once so both sides read the same name.
/// </summary>
public static class CardKeys
{
    public const string OutreachId = "outreachId";
    public const string DepartmentId = "departmentId";

    /// <summary>How the lead was found (a <c>LeadRoute</c> name).</summary>
    public const string Route = "route";
}
