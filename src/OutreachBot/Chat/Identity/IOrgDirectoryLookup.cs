namespace OutreachBot.Chat.Identity;

/// <summary>
/// Resolves a chat user's e-mail to a person of the imported org directory. Implemented by the department-finder
/// feature; until it is registered, `iam` stores the e-mail and resolves nothing.
/// </summary>
public interface IOrgDirectoryLookup
{
    Task<DirectoryPerson?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>The person as the directory has them now (a link is re-checked against the current e-mail).</summary>
    DirectoryPerson? FindById(string personId);
}

/// <param name="Email">The person's e-mail in the directory, lower case; empty when the directory has none.</param>
public sealed record DirectoryPerson(string PersonId, string DisplayName, string Email = "");
