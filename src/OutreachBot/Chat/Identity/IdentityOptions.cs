using Microsoft.Extensions.Options;

namespace OutreachBot.Chat.Identity;

/// <summary>Section "Identity": how the bot learns who a Teams user is.</summary>
public sealed record IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>How long the roster's answer (the user's e-mail) is trusted before it is asked again.</summary>
    public TimeSpan RosterRefresh { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The longest a turn waits for the roster; a message turn must be answered within Teams' 15 s.</summary>
    public TimeSpan RosterTimeout { get; init; } = TimeSpan.FromSeconds(2);
}

public sealed class IdentityOptionsValidator : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.RosterRefresh < TimeSpan.FromMinutes(1) || options.RosterRefresh > TimeSpan.FromDays(30))
        {
            problems.Add($"Identity:RosterRefresh must be between 00:01:00 and 30.00:00:00 (was {options.RosterRefresh}).");
        }

        if (options.RosterTimeout < TimeSpan.FromMilliseconds(100) || options.RosterTimeout > TimeSpan.FromSeconds(5))
        {
            problems.Add($"Identity:RosterTimeout must be between 00:00:00.1 and 00:00:05 (was {options.RosterTimeout}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
