using Microsoft.Extensions.Options;

namespace OutreachBot.Hosting;

/// <summary>
/// Fails closed at start-up: outside Development a bot without an identity would serve anyone, so it only starts when
/// Bot:LocalMode says that is intended. A half-configured set of authentication endpoints would refuse every request
/// later, so it is refused now, naming what is missing.
/// </summary>
public sealed class BotIdentityValidation(IHostEnvironment environment, IOptions<BotOptions> bot) : IValidateOptions<BotIdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, BotIdentityOptions options)
    {
        var failures = new List<string>();
        if (options.IsLocalMode && !environment.IsDevelopment() && !bot.Value.LocalMode)
        {
            failures.Add(
                $"MicrosoftAppId is not set in the {environment.EnvironmentName} environment, so /api/messages would accept requests from anyone. " +
                "Set MicrosoftAppId (with MicrosoftAppPassword, or MicrosoftAppType=UserAssignedMSI and MicrosoftAppTenantId), " +
                "or set Bot:LocalMode=true (environment variable Bot__LocalMode=true) to run without authentication on purpose.");
        }

        var missing = options.MissingEndpointSettings();
        if (missing.Count > 0)
        {
            failures.Add(
                "Bot Framework endpoints are partly configured: " + string.Join(", ", missing) + " must be set too " +
                "(or remove every ToBotFrom*/ToChannelFrom*/OAuthUrl setting to use the public cloud).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
