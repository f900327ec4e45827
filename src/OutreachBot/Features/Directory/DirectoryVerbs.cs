namespace OutreachBot.Features.Directory;

/// <summary>The finder's card verbs and the keys of their data.</summary>
public static class DirectoryVerbs
{
    public const string AskPerson = "askPerson";
    public const string RecordReferral = "recordReferral";

    public const string PersonId = "personId";
    public const string Query = "query";
    public const string Need = "need";
    public const string Path = "path";
    public const string Via = "via";

    /// <summary>Set by the confirmation card: the user ticked the introductions that happened.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>Prefix of the toggles on the confirmation card, one per introduction of the path ("intro1", "intro2"…).</summary>
    public const string IntroductionPrefix = "intro";

    /// <summary>Separates the person ids (and connections) of an introduction path in button data.</summary>
    public const char PathSeparator = '>';
}
