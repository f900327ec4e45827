using System.Globalization;
using System.Text.RegularExpressions;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Features.Outreaches;

/// <summary>
/// Puts a drafted message's parts into the templates of <see cref="PitchTexts"/>: one line for the greeting, then
/// who we are and why we write, what we need and what is in it for them, and one ask with thanks. Plain text, ready
/// to copy: no Markdown, no code block.
/// </summary>
public static partial class PitchWriter
{
    public static string Write(PitchParts parts)
    {
        var writer = new Lines(parts);
        writer.Line(parts.GreetingName is { } name
            ? writer.T(parts.Form == FormOfAddress.Familiar ? "Message.Greeting.Familiar" : "Message.Greeting.Named", name)
            : writer.T("Message.Greeting.Unnamed"));
        switch (parts.Variant)
        {
            case PitchVariant.AskForPointer:
                writer.Line(writer.T("Message.Pointer.Intro", Sender(writer, parts), parts.DepartmentName));
                writer.Line(parts.Capability is { } capability
                    ? writer.T("Message.Pointer.Need", parts.Idea, capability)
                    : writer.T("Message.Pointer.NeedUnnamed", parts.Idea));
                writer.Line(writer.T("Message.Pointer.Ask"));
                break;
            case PitchVariant.CapabilityOnly:
                writer.Line(
                    writer.T("Message.CapabilityOnly.Thanks"),
                    writer.T("Message.CapabilityOnly.Need", parts.Capability ?? writer.T("Message.CapabilityOnly.DefaultCapability")),
                    Introduced(writer, parts));
                writer.Line(writer.T("Message.CapabilityOnly.Ask", parts.Slot ?? writer.T("Message.CapabilityOnly.DefaultSlot")), writer.T("Message.Thanks"));
                break;
            case PitchVariant.MeetingInvitation:
                writer.Line(writer.T("Message.Meeting.Glad"), Introduced(writer, parts));
                writer.Line(writer.T("Message.Meeting.Ask"), writer.T("Message.Thanks"));
                break;
            default:
                writer.Line(Intro(writer, parts));
                writer.Line(writer.T("Message.Idea", parts.Idea), Note(writer, "Message.Background", parts.Background));
                writer.Line(Note(writer, "Message.Support", parts.Support), Note(writer, "Message.Benefit", parts.Benefit));
                writer.Line(writer.T("Message.Ask.Meeting"), writer.T("Message.Thanks"));
                break;
        }

        var text = writer.ToString();
        return parts.Language == Language.English ? DoublePossessive().Replace(text, "$1'") : text;
    }

    private static string Intro(Lines writer, PitchParts parts)
    {
        var sender = Sender(writer, parts);
        return parts.Opening switch
        {
            PitchOpening.Referral => writer.T("Message.Intro.Referral", sender, parts.Introducer, parts.DepartmentName),
            PitchOpening.Keyword when parts.MatchedBusiness is { } business => writer.T("Message.Intro.Keyword", sender, business, parts.DepartmentName),
            PitchOpening.Keyword => writer.T("Message.Intro.KeywordUnmatched", sender, null, parts.DepartmentName),
            PitchOpening.OrgChart => writer.T("Message.Intro.OrgChart", sender, null, parts.DepartmentName),
            _ => writer.T("Message.Intro.Plain", sender, null, parts.DepartmentName),
        };
    }

    private static string Sender(Lines writer, PitchParts parts) =>
        parts.SenderDepartment is { } department
            ? writer.T("Message.Sender.WithDepartment", parts.SenderName, department)
            : writer.T("Message.Sender.Alone", parts.SenderName);

    private static string? Introduced(Lines writer, PitchParts parts) =>
        parts.Introducer is { } introducer ? writer.T("Message.ThanksIntroducer", introducer) : null;

    private static string? Note(Lines writer, string prefix, PitchNote? note) =>
        note is null || note.Text.Length == 0 ? null : writer.T($"{prefix}.{note.Shape}", note.Text);

    /// <summary>"CRM Products's" wherever a name ending in s was given a possessive.</summary>
    [GeneratedRegex(@"\b([A-Za-z]+s)['’]s\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DoublePossessive();

    /// <summary>The message being written: lines of sentences, joined the way the language joins them.</summary>
    private sealed class Lines(PitchParts parts)
    {
        private readonly List<string> lines = [];
        private readonly CultureInfo culture = parts.Language.Culture;

        public string T(string key, params object?[] args)
        {
            var template = Texts<PitchTexts>.Find(key, parts.Language) ?? throw new MissingTextException(key, nameof(PitchTexts));
            if (parts.Language == Language.Chinese && parts.Form == FormOfAddress.Familiar && key.StartsWith("Message.", StringComparison.Ordinal))
            {
                template = template.Replace('您', '你');
            }

            return args.Length == 0 ? template : string.Format(culture, template, args);
        }

        public void Line(params string?[] sentences)
        {
            var present = sentences.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
            if (present.Count > 0)
            {
                lines.Add(string.Join(parts.Language == Language.Chinese ? string.Empty : " ", present));
            }
        }

        public override string ToString() => string.Join('\n', lines);
    }
}
