using OutreachBot.Domain.Understanding;

namespace OutreachBot.Chat.Understanding;

/// <summary>Reads a sentence the user typed as a request (the recognizer over the live directory).</summary>
public interface INaturalLanguage
{
    RecognizedRequest Read(string text, ChatSession session);
}

/// <summary>What to do with a sentence that is not a command: run a command, answer a greeting, or ask first.</summary>
public abstract record NaturalAnswer
{
    private NaturalAnswer()
    {
    }

    /// <summary>Sure enough: run the command with these arguments.</summary>
    public sealed record Run(CommandDefinition Command, string Arguments) : NaturalAnswer;

    public sealed record Greet(bool Thanks) : NaturalAnswer;

    /// <summary>Not sure enough to act (or the request would change data on a guess): ask ONE question with buttons.</summary>
    public sealed record Ask(IReadOnlyList<(string Label, CommandDefinition Command, string Arguments)> Options) : NaturalAnswer;

    public sealed record NotUnderstood : NaturalAnswer;
}

/// <summary>
/// Decides what a recognized request means for the bot: read-only requests run when the reading is fairly sure,
/// requests that change data (outcome, reminders, settings) only when it is sure, and everything else becomes one
/// short question whose buttons run the readings offered. "What should I do next?" runs the command that answers it
/// (<see cref="CommandDefinition.AnswersWhatNext"/>: the status of every outreach with its next best action).
/// </summary>
public static class NaturalRequests
{
    private const int MaxOptions = 3;
    private const int MaxLabel = 60;

    public static NaturalAnswer Decide(RecognizedRequest read, CommandCatalog catalog, ChatSession session)
    {
        switch (read.Intent)
        {
            case RecognizedRequest.Unknown:
                return new NaturalAnswer.NotUnderstood();
            case RecognizedRequest.Greeting:
                return new NaturalAnswer.Greet(read.Slots.Verb == "thanks");
            case RecognizedRequest.Next:
                return catalog.All.FirstOrDefault(c => c.AnswersWhatNext) is { } next ? new NaturalAnswer.Run(next, string.Empty) : new NaturalAnswer.NotUnderstood();
        }

        if (catalog.ByName(read.Intent) is not { } command)
        {
            return new NaturalAnswer.NotUnderstood();
        }

        var needed = command.ChangesData ? RecognizedRequest.SureToChange : RecognizedRequest.SureToRead;
        if (read.Confidence >= needed)
        {
            return new NaturalAnswer.Run(command, read.Arguments());
        }

        var options = new List<(string, CommandDefinition, string)>();
        var readings = read.DepartmentCandidates.Count > 0
            ? read.DepartmentCandidates.Where(c => c.Score >= DepartmentNames.Worth).Take(MaxOptions).Select(read.About).ToList()
            : new List<RecognizedRequest> { read };
        foreach (var reading in readings.DefaultIfEmpty(read))
        {
            options.Add((Label(command, reading, session), command, reading.Arguments()));
        }

        // A department named alone ("大数据?"): its status is likeliest, its people and introductions next.
        if (read.Department is not null)
        {
            foreach (var other in read.Alternatives.Select(catalog.ByName).OfType<CommandDefinition>().Where(c => c != command && !c.ChangesData))
            {
                if (options.Count >= MaxOptions + 1)
                {
                    break;
                }

                var reading = read with { Intent = other.Name };
                options.Add((Label(other, reading, session), other, reading.Arguments()));
            }
        }

        return new NaturalAnswer.Ask(options);
    }

    private static string Label(CommandDefinition command, RecognizedRequest reading, ChatSession session)
    {
        var arguments = reading.Arguments(session.Culture);
        var label = arguments.Length == 0 ? command.Form(session.Culture) : $"{command.Form(session.Culture)} {arguments}";
        return label.Length <= MaxLabel ? label : label[..(MaxLabel - 1)] + "…";
    }
}
