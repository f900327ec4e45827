namespace OutreachBot.Chat.Identity;

/// <summary>
/// Resolves a chat user's e-mail to a person of the imported org directory. Implemented by the department-finder
/// feature; until it is registered, `iam` stores the e-mail and resolves nothing.
/// </summary>
public interface IOrgDirectoryLookup
{
    Task<DirectoryPerson?> FindByEmailAsync(string email, CancellationToken cancellationToken);
}

public sealed record DirectoryPerson(string PersonId, string DisplayName);
