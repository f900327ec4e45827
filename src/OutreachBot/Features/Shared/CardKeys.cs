namespace OutreachBot.Features.Shared;

/// <summary>
/// The card data keys that buttons carry from one feature to another: the finder's "target this department" is
/// handled by the outreach feature, a reminder's "open outreach" by status. Declared once so both sides read the same name.
/// </summary>
public static class CardKeys
{
    public const string OutreachId = "outreachId";
    public const string DepartmentId = "departmentId";

    /// <summary>The data of a button about an outreach and, when given, one of its partner departments.</summary>
    public static Dictionary<string, string> For(string outreachId, string? departmentId = null)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [OutreachId] = outreachId };
        if (departmentId is not null)
        {
            data[DepartmentId] = departmentId;
        }

        return data;
    }
}
