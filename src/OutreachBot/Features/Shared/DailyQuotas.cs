using Microsoft.Extensions.Options;

namespace OutreachBot.Features.Shared;

/// <summary>Section "Quotas": how many writes of each kind one user may make per day (their own calendar day).</summary>
public sealed record QuotaOptions
{
    public const string Section = "Quotas";

    /// <summary><c>export</c> runs per user per day (each writes three download files).</summary>
    public int ExportsPerDay { get; init; } = 20;

    /// <summary>Reminders a user sets themselves per day (the bot's own follow-ups are not counted).</summary>
    public int RemindersPerDay { get; init; } = 50;
}

public sealed class QuotaOptionsValidator : IValidateOptions<QuotaOptions>
{
    public ValidateOptionsResult Validate(string? name, QuotaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.ExportsPerDay is < 1 or > 10_000)
        {
            problems.Add($"Quotas:ExportsPerDay must be between 1 and 10000 (was {options.ExportsPerDay}).");
        }

        if (options.RemindersPerDay is < 1 or > 10_000)
        {
            problems.Add($"Quotas:RemindersPerDay must be between 1 and 10000 (was {options.RemindersPerDay}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

public enum QuotaKind
{
    Export,
    Reminder,
}

/// <summary>
/// Bounded writes per user: each export and each reminder a user sets takes one unit of their daily allowance, counted
/// in their profile (an ETag'd read-modify-write, so two turns at once cannot both take the last unit). The day is the
/// user's own, in their time zone.
/// </summary>
public sealed class DailyQuotas(IOptions<QuotaOptions> options)
{
    public int Limit(QuotaKind kind) => kind == QuotaKind.Export ? options.Value.ExportsPerDay : options.Value.RemindersPerDay;

    /// <summary>Takes one unit; false, and nothing taken, when the user has used today's allowance.</summary>
    public async Task<bool> TryTakeAsync(QuotaKind kind, ChatSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(session.Clock.GetUtcNow(), session.TimeZone).DateTime);
        var limit = Limit(kind);
        var taken = false;
        await session.UpdateProfileAsync(
            profile =>
            {
                var use = profile.Use is { } current && current.Day == today ? current : new DailyUse(today, 0, 0);
                var used = kind == QuotaKind.Export ? use.Exports : use.Reminders;
                taken = used < limit;
                if (!taken)
                {
                    return profile;
                }

                return profile with { Use = kind == QuotaKind.Export ? use with { Exports = used + 1 } : use with { Reminders = used + 1 } };
            },
            cancellationToken);
        return taken;
    }
}
