using System.Globalization;
using System.Text.RegularExpressions;
using OutreachBot.Domain.Directory.Search;

namespace OutreachBot.Domain.Understanding;

/// <summary>The moment and the user a sentence is read for.</summary>
/// <param name="LocalNow">The user's local time (dates such as "周五" are read against it).</param>
/// <param name="Preferred">Departments on the user's outreaches: among equally likely readings of a name, these win.</param>
public sealed record RecognitionContext(DateTime LocalNow, IReadOnlyCollection<string>? Preferred = null);

/// <summary>
/// Reads a sentence typed by a user — a command with its arguments, or a request in their own words, Chinese, English or
/// both ("帮我看看大数据那边进展如何", "who handles payments?", "语音那边说没人手", "what should I do next?") — into a
/// <see cref="RecognizedRequest"/>. The intent comes from the cues of <see cref="RequestLexicon"/> (longest first, each
/// span of text counted once); the department, person, outcome, time, zone and e-mail from the text itself; the need,
/// idea or reason is what is left once the cues and filler words are taken out. Knows no company: departments and
/// people come from <see cref="DepartmentNames"/>, built from the directory.
/// </summary>
public sealed partial class RequestRecognizer(DepartmentNames names, RequestLexicon? lexicon = null)
{
    /// <summary>Intents that take a department.</summary>
    private static readonly string[] DepartmentIntents = ["status", "org", "referrals", "pitch", "brief", "outcome"];

    private readonly RequestLexicon lexicon = lexicon ?? RequestLexicon.Default;

    public DepartmentNames Names => names;

    public RecognizedRequest Recognize(string text, RecognitionContext context, TypedCommand? typed = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var folded = new FoldedText(text ?? string.Empty);
        if (folded.Text.Length == 0)
        {
            return RecognizedRequest.Nothing;
        }

        if (typed is { How: CommandForm.Bare or CommandForm.Slash })
        {
            return Explicit(typed, context, folded.Original);
        }

        var reading = new Reading(folded, names.Mentions(folded), context);
        SelectSpans(reading);
        // "help me write…", "find me a veteran…", "new project - …": the command word starts a longer phrase, so the
        // sentence is read as a sentence.
        if (typed is { How: CommandForm.Spaced } && !reading.Cues.Any(c => c.Start == 0 && c.End > typed.Form.Length))
        {
            return Explicit(typed, context, folded.Original);
        }

        var scores = Score(reading);
        var ranked = scores.Where(s => s.Value > 0).OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        // "thanks" and "ok" are greetings of another kind; either gives way to any real request in the same message.
        var thanks = scores.ContainsKey("thanks");
        ranked = [.. ranked.Select(r => r.Key == "thanks" ? new KeyValuePair<string, double>(RecognizedRequest.Greeting, r.Value) : r)
            .GroupBy(r => r.Key).Select(g => new KeyValuePair<string, double>(g.Key, g.Max(r => r.Value))).OrderByDescending(r => r.Value)];
        if (ranked.Count > 1 && ranked[0].Key == RecognizedRequest.Greeting && ranked[1].Value >= 0.5)
        {
            ranked.RemoveAt(0);
        }

        var department = reading.Department;
        if (ranked.Count == 0 || ranked[0].Value < 0.6)
        {
            // A department named with nothing else ("大数据?", "big data"): most likely its status; asked, not assumed.
            return department is not null && department.Score >= 0.7
                ? new RecognizedRequest("status", 0.45, Slots("status", reading), false, ["org", "referrals"])
                : RecognizedRequest.Nothing;
        }

        var (intent, best) = (ranked[0].Key, ranked[0].Value);
        var second = ranked.Count > 1 ? ranked[1].Value : 0;
        var confidence = best >= 2.0 ? 0.9 : best >= 1.5 ? 0.8 : best >= 1.2 ? 0.7 : best >= 0.9 ? 0.55 : 0.4;
        if (second > 0 && best - second < 0.5)
        {
            confidence -= 0.15;
        }

        var slots = intent == RecognizedRequest.Greeting && thanks ? new RequestSlots { Verb = "thanks" } : Slots(intent, reading);
        confidence = Math.Min(confidence, Readiness(intent, slots));
        return new RecognizedRequest(intent, Math.Round(confidence, 2), slots, false, [.. ranked.Skip(1).Take(2).Select(r => r.Key)]);
    }

    /// <summary>A command the user typed as a command: sure, with its arguments read the same way.</summary>
    private RecognizedRequest Explicit(TypedCommand typed, RecognitionContext context, string original)
    {
        var rest = new FoldedText(typed.Rest);
        var reading = new Reading(rest, names.Mentions(rest), context);
        SelectSpans(reading, cuesToo: false);
        var slots = Slots(typed.Name, reading, explicitRest: typed.Rest, explicitOriginal: original.TrimStart().TrimStart('/', '／'));
        return new RecognizedRequest(typed.Name, 1, slots, true, []);
    }

    /// <summary>How far the slots allow acting on the intent: a missing or unsure department caps the confidence.</summary>
    private static double Readiness(string intent, RequestSlots slots)
    {
        var mention = slots.Department;
        var sure = mention is { IsAmbiguous: false } && mention.Score >= DepartmentNames.Sure;
        return intent switch
        {
            "outcome" when slots.Outcome is null => 0.3,
            "outcome" when !sure => 0.6,
            "referrals" when mention is null => 0.5,
            _ when DepartmentIntents.Contains(intent) && mention is not null && !sure => 0.6,
            "iam" when slots.Email is null => 0.4,
            "timezone" when slots.TimeZone is null => 0.5,
            "language" when slots.Language is null => 0.5,
            _ => 1,
        };
    }

    private void SelectSpans(Reading reading, bool cuesToo = true)
    {
        var text = reading.Text;
        var found = new List<SpanMatch>();
        if (cuesToo)
        {
            foreach (var cue in lexicon.Cues)
            {
                foreach (var at in text.Find(cue.Text))
                {
                    found.Add(new SpanMatch(at, at + cue.Text.Length, cue, null));
                }
            }
        }

        foreach (var (code, word) in lexicon.OutcomeWords)
        {
            foreach (var at in text.Find(word))
            {
                found.Add(new SpanMatch(at, at + word.Length, null, code));
            }
        }

        var chosen = new List<SpanMatch>();
        foreach (var match in found.OrderByDescending(m => m.End - m.Start).ThenByDescending(m => m.Cue?.Weight ?? 1))
        {
            var clash = chosen.FirstOrDefault(c => c.Start < match.End && match.Start < c.End);
            if (clash is null || (clash.Start == match.Start && clash.End == match.End && match.Cue is not null))
            {
                chosen.Add(match);
            }
        }

        // A department named in full keeps its words ("消息与通信平台部" is no "消息"); a cue as long or longer beats a
        // keyword or a partial name ("pipeline", "看板").
        var mentions = reading.Mentions.ToList();
        foreach (var match in chosen.ToList())
        {
            var mention = mentions.FirstOrDefault(m => m.Overlaps(match.Start, match.End));
            if (mention is null)
            {
                continue;
            }

            var mentionLonger = mention.Start <= match.Start && mention.End >= match.End && mention.End - mention.Start > match.End - match.Start;
            if (mentionLonger && mention.Best.How == NameMatch.Exact)
            {
                chosen.Remove(match);
            }
            else
            {
                mentions.Remove(mention);
            }
        }

        if (Environment.GetEnvironmentVariable("UNDERSTAND_DEBUG") == "1")
        {
            Console.Error.WriteLine("  cues: " + string.Join(", ", chosen.Select(c => $"{c.Start}-{c.End}:{c.Cue?.Intent ?? c.Outcome}:{c.Cue?.Text}")));
            Console.Error.WriteLine("  mentions: " + string.Join(", ", reading.Mentions.Select(m => $"{m.Start}-{m.End}:{m.Best.Department.Id}:{m.Score:0.00}")) + " → " + string.Join(", ", mentions.Select(m => $"{m.Start}-{m.End}:{m.Best.Department.Id}")));
        }

        reading.Cues = [.. chosen.Where(c => c.Cue is not null)];
        reading.Outcomes = [.. chosen.Where(c => c.Outcome is not null)];
        reading.Mentions = mentions;
    }

    private Dictionary<string, double> Score(Reading reading)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var text = reading.Text.Text.Trim(' ', '?', '？', '!', '！', '.', '。', '~', ',', '，');
        foreach (var match in reading.Cues)
        {
            var cue = match.Cue!;
            if (cue.Intent.Length == 0 || !Holds(cue.Conditions, match, text, reading))
            {
                continue;
            }

            scores[cue.Intent] = scores.GetValueOrDefault(cue.Intent) + cue.Weight;
        }

        if (reading.Outcomes.Count > 0)
        {
            scores["outcome"] = scores.GetValueOrDefault("outcome") + 1.2 + (reading.Department is { Score: >= 0.7 } ? 0.6 : 0);
        }

        if (reading.Department is { Score: >= DepartmentNames.Sure })
        {
            foreach (var intent in DepartmentIntents.Where(scores.ContainsKey))
            {
                scores[intent] += 0.5;
            }
        }

        return scores;
    }

    private static bool Holds(CueCondition conditions, SpanMatch match, string text, Reading reading)
    {
        var department = reading.Department is { Score: >= 0.7 };
        return (!conditions.HasFlag(CueCondition.Department) || department)
            && (!conditions.HasFlag(CueCondition.NoDepartment) || !department)
            && (!conditions.HasFlag(CueCondition.Start) || match.Start <= 1)
            && (!conditions.HasFlag(CueCondition.Alone) || text == match.Cue!.Text)
            && (!conditions.HasFlag(CueCondition.Outcome) || reading.Outcomes.Count > 0)
            && (!conditions.HasFlag(CueCondition.Time) || reading.Time is not null)
            && (!conditions.HasFlag(CueCondition.Zone) || reading.Zone is not null)
            && (!conditions.HasFlag(CueCondition.Email) || reading.Email is not null);
    }

    private RequestSlots Slots(string intent, Reading reading, string? explicitRest = null, string? explicitOriginal = null)
    {
        var text = reading.Text;
        var rest = new Leftover(text, reading.Cues.Select(c => (c.Start, c.End)));
        switch (intent)
        {
            case "status" or "org" or "referrals" or "pitch" or "brief":
                return reading.Department is { } mention
                    ? new RequestSlots { Department = mention }
                    : new RequestSlots { Raw = explicitRest is null ? null : NonEmpty(rest.Trimmed()) };
            case "outcome":
                var outcome = lexicon.OutcomeOrder.FirstOrDefault(code => reading.Outcomes.Any(o => o.Outcome == code));
                var firstOutcome = reading.Outcomes.OrderBy(o => o.Start).FirstOrDefault();
                var withoutNames = new Leftover(text, reading.Cues.Select(c => (c.Start, c.End))
                    .Concat(firstOutcome is null ? [] : [(firstOutcome.Start, firstOutcome.End)])
                    .Concat(reading.Department is { } named ? [(named.Start, named.End)] : []));
                var reason = NonEmpty(withoutNames.Trimmed(from: firstOutcome?.Start ?? 0));
                return new RequestSlots
                {
                    Department = reading.Department,
                    Outcome = outcome,
                    Reason = reason is { Length: >= 2 } ? reason : null,
                    Raw = reading.Department is null && explicitRest is not null ? NonEmpty(withoutNames.Trimmed()) : null,
                };
            case "find":
                return new RequestSlots { Query = NonEmpty(rest.Trimmed()) };
            case "new":
                // The idea follows the words that ask for a new outreach ("start a new outreach: …", "我想做一个…").
                var after = reading.Cues.Where(c => c.Cue!.Intent == "new").Select(c => c.End).DefaultIfEmpty(0).Min();
                return new RequestSlots { Idea = NonEmpty(rest.Trimmed(from: after, firstPieceOnly: true)) ?? NonEmpty(rest.Trimmed(firstPieceOnly: true)) };
            case "remind":
                return new RequestSlots { Text = (explicitOriginal ?? text.Original).Trim() };
            case "pipeline":
                return new RequestSlots { Scope = TeamWord().IsMatch(text.Text) ? "team" : null };
            case "bids":
                return new RequestSlots { Months = MonthsPattern().Match(text.Text) is { Success: true } months ? int.Parse(months.Groups[1].Value, CultureInfo.InvariantCulture) : null };
            case "market":
                return new RequestSlots { Verb = AddWord().IsMatch(text.Text) ? "add" : explicitRest is { Length: > 0 } ? explicitRest.Trim() : null };
            case "language":
                return new RequestSlots { Language = Language(text.Text) };
            case "timezone":
                return new RequestSlots { TimeZone = reading.Zone ?? (explicitRest is { Length: > 0 } ? explicitRest.Trim() : null) };
            case "iam":
                return new RequestSlots { Email = reading.Email ?? (explicitRest is { Length: > 0 } ? explicitRest.Trim() : null) };
            default:
                return new RequestSlots { Raw = explicitRest is { Length: > 0 } ? explicitRest.Trim() : null };
        }
    }

    private static string? Language(string text)
    {
        var zh = ChineseWord().IsMatch(text);
        var en = EnglishWord().IsMatch(text);
        return zh == en ? null : zh ? "zh" : "en";
    }

    private static string? NonEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex(@"团队|\bteams?\b|\bmy reports\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TeamWord();

    [GeneratedRegex(@"(\d{1,2})\s*(个月|个自然月|months?|mos?)\b?", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MonthsPattern();

    [GeneratedRegex(@"(^|[^a-z])(add|new segment)\b|加一个|添加|新增|加个|再加", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AddWord();

    [GeneratedRegex(@"中文|汉语|普通话|\bchinese\b|\bmandarin\b|^zh$|\bzh\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ChineseWord();

    [GeneratedRegex(@"英文|英语|\benglish\b|^en$|\ben\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EnglishWord();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailPattern();

    /// <summary>A cue or an outcome word found at [Start, End).</summary>
    private sealed record SpanMatch(int Start, int End, Cue? Cue, string? Outcome);

    /// <summary>One sentence being read: its text, what was found in it, and what is computed only when asked.</summary>
    private sealed class Reading(FoldedText text, IReadOnlyList<NameMention> mentions, RecognitionContext context)
    {
        private bool timeRead;
        private TimeReading? time;
        private bool zoneRead;
        private string? zone;

        public FoldedText Text { get; } = text;

        public IReadOnlyList<NameMention> Mentions { get; set; } = mentions;

        public IReadOnlyList<SpanMatch> Cues { get; set; } = [];

        public IReadOnlyList<SpanMatch> Outcomes { get; set; } = [];

        /// <summary>The surest department mention, the user's own departments first among close ones.</summary>
        public NameMention? Department
        {
            get
            {
                var best = Mentions.FirstOrDefault();
                if (best is null || context.Preferred is not { Count: > 0 } preferred)
                {
                    return best;
                }

                var mine = best.Candidates.Where(c => c.Score >= best.Score - 0.1 && preferred.Contains(c.Department.Id, StringComparer.OrdinalIgnoreCase)).ToList();
                return mine.Count == 1 && best.IsAmbiguous ? best with { Candidates = [mine[0], .. best.Candidates.Where(c => c != mine[0])] } : best;
            }
        }

        public TimeReading? Time
        {
            get
            {
                if (!timeRead)
                {
                    time = TimeReader.Read(Text.Original, context.LocalNow, new TimeOnly(9, 0));
                    timeRead = true;
                }

                return time;
            }
        }

        public string? Zone
        {
            get
            {
                if (!zoneRead)
                {
                    zone = TimeZoneNames.Find(Text);
                    zoneRead = true;
                }

                return zone;
            }
        }

        public string? Email => EmailPattern().Match(Text.Original) is { Success: true } match ? match.Value : null;
    }

    /// <summary>What is left of a text once some spans are taken out, with filler words trimmed from its ends, as typed.</summary>
    private sealed class Leftover(FoldedText text, IEnumerable<(int Start, int End)> removed)
    {
        private readonly bool[] gone = Mark(text, removed);

        /// <param name="from">Only what follows this position (e.g. the reason after an outcome word).</param>
        /// <param name="firstPieceOnly">Only the first piece (an idea ends where the next cue begins).</param>
        public string Trimmed(int from = 0, bool firstPieceOnly = false)
        {
            var kept = new List<(int Start, int End)>();
            var start = -1;
            var limit = text.Text.Length;
            for (var i = from; i <= limit; i++)
            {
                var keep = i < limit && !gone[i];
                if (keep && start < 0)
                {
                    start = i;
                }
                else if (!keep && start >= 0)
                {
                    kept.Add((start, i));
                    start = -1;
                }
            }

            var pieces = kept.Select(k => Trim(k.Start, k.End)).Where(k => k.End > k.Start).ToList();
            if (pieces.Count == 0)
            {
                return string.Empty;
            }

            if (firstPieceOnly)
            {
                pieces = [pieces[0]];
            }

            // Trim the ends of the whole leftover again (a filler may sit between two removed cues).
            var first = Trim(pieces[0].Start, pieces[0].End);
            pieces[0] = first;
            return string.Join(' ', pieces.Where(p => p.End > p.Start).Select(p => text.OriginalSpan(p.Start, p.End).Trim()));
        }

        private (int Start, int End) Trim(int start, int end)
        {
            var t = text.Text;
            var changed = true;
            while (changed && start < end)
            {
                changed = false;
                while (start < end && IsEdgeJunk(t[start]))
                {
                    start++;
                    changed = true;
                }

                while (end > start && IsEdgeJunk(t[end - 1]))
                {
                    end--;
                    changed = true;
                }

                foreach (var filler in NameVocabulary.FillersAtStart)
                {
                    if (end - start >= filler.Length && string.CompareOrdinal(t, start, filler, 0, filler.Length) == 0
                        && (start + filler.Length == end || ChineseText.IsCjk(filler[0]) || !FoldedText.IsWordChar(t[start + filler.Length])))
                    {
                        start += filler.Length;
                        changed = true;
                        break;
                    }
                }

                foreach (var filler in NameVocabulary.FillersAtEnd)
                {
                    if (end - start >= filler.Length && string.CompareOrdinal(t, end - filler.Length, filler, 0, filler.Length) == 0
                        && (end - filler.Length == start || ChineseText.IsCjk(filler[0]) || !FoldedText.IsWordChar(t[end - filler.Length - 1])))
                    {
                        end -= filler.Length;
                        changed = true;
                        break;
                    }
                }
            }

            return (start, end);
        }

        private static bool IsEdgeJunk(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c);

        private static bool[] Mark(FoldedText text, IEnumerable<(int Start, int End)> removed)
        {
            var marks = new bool[text.Text.Length];
            foreach (var (start, end) in removed)
            {
                for (var i = Math.Max(0, start); i < Math.Min(end, marks.Length); i++)
                {
                    marks[i] = true;
                }
            }

            return marks;
        }
    }
}
