using System.Text.Json;
using OutreachBot.Domain.Outreaches;
using Xunit.Abstractions;

namespace OutreachBot.Tests.Features.Outreaches;

/// <summary>
/// Every note of TestData/pitch-notes.json (written as PMs type them, before the drafter was tuned) drafted for every
/// route, message variant and two departments, in the note's language and in the other one: each message must be
/// sendable as written, name the introducer on a referral, and differ from one department to the other.
/// </summary>
public sealed class PitchCorpusTests(ITestOutputHelper output)
{
    private static readonly DepartmentRef Payments = new("pay-core", "支付中台", "Payments Platform");
    private static readonly DepartmentRef Crm = new("crm", "CRM 产品部", "CRM Products");
    private static readonly PitchPerson Introducer = new("王磊", "Lei Wang");

    public static IReadOnlyList<CorpusNote> Notes { get; } = Load();

    [Fact]
    public void The_corpus_has_forty_notes_in_both_languages()
    {
        Assert.Equal(40, Notes.Count);
        Assert.Equal(20, Notes.Count(n => n.Language == "zh"));
        Assert.Equal(40, Notes.Select(n => n.Id).Distinct().Count());
    }

    [Fact]
    public void Every_note_drafts_a_sendable_message_for_every_route_variant_and_department()
    {
        var failures = new List<string>();
        var drafted = 0;
        foreach (var note in Notes)
        {
            foreach (var language in new[] { Language.Chinese, Language.English })
            {
                foreach (var route in new[] { LeadRoute.OrgChart, LeadRoute.KeywordSearch, LeadRoute.Referral })
                {
                    foreach (var variant in Enum.GetValues<PitchVariant>())
                    {
                        var messages = new List<string>();
                        foreach (var department in new[] { Payments, Crm })
                        {
                            var message = Draft(note, language, route, variant, department);
                            drafted++;
                            messages.Add(message);
                            var problems = PitchAssert.Problems(message, language, note.Background).ToList();
                            if (route == LeadRoute.Referral && variant != PitchVariant.AskForPointer && !message.Contains(Introducer.FullName(language)!, StringComparison.Ordinal))
                            {
                                problems.Add("the introducer is not named");
                            }

                            if (problems.Count > 0)
                            {
                                failures.Add($"{note.Id} {language} {route} {variant} {department.Id}: {string.Join("; ", problems)}\n{message}");
                            }
                        }

                        if (messages[0] == messages[1])
                        {
                            failures.Add($"{note.Id} {language} {route} {variant}: the same message for both departments\n{messages[0]}");
                        }
                    }
                }
            }
        }

        output.WriteLine($"{drafted} messages drafted, {failures.Count} not sendable.");
        foreach (var failure in failures.Take(40))
        {
            output.WriteLine(failure + "\n");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {drafted} messages are not sendable as written; the first:\n{string.Join("\n\n", failures.Take(5))}");
    }

    [Fact]
    public void Each_first_contact_message_of_the_corpus_reads_as_written()
    {
        foreach (var note in Notes)
        {
            var language = note.Language == "zh" ? Language.Chinese : Language.English;
            output.WriteLine($"[{note.Id}]\n{Draft(note, language, LeadRoute.KeywordSearch, PitchVariant.FirstContact, Payments)}\n");
        }

        Assert.All(Notes, note => Assert.False(string.IsNullOrWhiteSpace(Draft(note, Language.English, LeadRoute.Referral, PitchVariant.FirstContact, Crm))));
    }

    private static string Draft(CorpusNote note, Language language, LeadRoute route, PitchVariant variant, DepartmentRef department)
    {
        var head = department == Payments ? new PitchPerson("余涵", "Han Yu") : new PitchPerson("钟静", "Jing Zhong");
        var people = new PitchPeople(
            new PitchPerson("李明", "Ming Li"),
            new BilingualText("智能客服产品部", "Customer Service Products"),
            head,
            Introducer: route == LeadRoute.Referral ? Introducer : null);
        var request = new PitchRequest(
            variant,
            language,
            note.Idea,
            note.Capability,
            new StageOnePrep(note.Background, note.Support, note.Benefit),
            department,
            route,
            people,
            route == LeadRoute.KeywordSearch ? new BilingualText(department == Payments ? "支付网关" : "客户管理", department == Payments ? "payment gateway" : "customer management") : null,
            variant == PitchVariant.CapabilityOnly ? (language == Language.Chinese ? "12月1日（周二）10:00" : "Tue, Dec 1, 10:00") : null);
        var draft = PitchDrafter.Draft(request);
        Assert.True(draft.IsReady, $"{note.Id}: not ready: {string.Join("; ", draft.Hints.Select(h => h.Text))}");
        return PitchWriter.Write(draft.Parts!);
    }

    private static IReadOnlyList<CorpusNote> Load()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "pitch-notes.json"));
        var corpus = JsonSerializer.Deserialize<Corpus>(file, JsonSerializerOptions.Web)!;
        return corpus.Notes;
    }

    public sealed record CorpusNote(string Id, string Language, string Idea, string Capability, string Background, string Support, string Benefit);

    private sealed record Corpus(IReadOnlyList<CorpusNote> Notes);
}
