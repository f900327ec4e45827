using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using OutreachBot.Chat.Localization;

namespace OutreachBot.Tests.Localization;

/// <summary>What docs/copy.md's review checklist asks of every resource file, enforced where a machine can.</summary>
public sealed partial class CopyResourceTests
{
    private static readonly CultureInfo Chinese = Language.Chinese.Culture;

    /// <summary>Terms the glossary says to avoid in Chinese copy.</summary>
    private static readonly string[] AvoidedChinese = ["这条拓展", "拓展记录", "新建拓展", "无人力", "阶段 2 材料", "阶段2材料", "贪睡", "管道", "首次触达"];

    public static TheoryData<string> Sets() => [.. ResourceTextCatalog.Instance.Sets.Select(s => s.FullName!)];

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_resource_set_has_the_same_keys_in_English_and_Chinese(string set)
    {
        var (english, chinese) = Load(set);

        Assert.Empty(english.Keys.Except(chinese.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(chinese.Keys.Except(english.Keys).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_text_has_the_same_placeholders_in_both_languages_and_is_not_empty(string set)
    {
        var (english, chinese) = Load(set);

        var mismatched = english.Keys.Intersect(chinese.Keys)
            .Where(k => !Placeholders(english[k]).SetEquals(Placeholders(chinese[k])))
            .Select(k => $"{k}: \"{english[k]}\" / \"{chinese[k]}\"");
        Assert.Empty(mismatched);
        Assert.Empty(english.Concat(chinese).Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Chinese_texts_use_full_width_punctuation_and_the_glossary(string set)
    {
        var (_, chinese) = Load(set);

        // An example of what the user types (a CSV row) keeps the ASCII commas the file needs.
        Assert.Empty(chinese.Where(p => !p.Key.Contains("Example", StringComparison.Ordinal) && HalfWidthNextToChinese().IsMatch(p.Value))
            .Select(p => $"{p.Key}: {p.Value}"));
        Assert.Empty(chinese.Where(p => AvoidedChinese.Any(p.Value.Contains)).Select(p => $"{p.Key}: {p.Value}"));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void English_texts_are_English_and_count_with_plural_forms(string set)
    {
        var (english, _) = Load(set);

        // Chinese words may appear as examples (a department name, a command's Chinese form); a Chinese sentence may not.
        Assert.Empty(english.Where(p => ChineseSentencePunctuation().IsMatch(p.Value)).Select(p => $"{p.Key}: {p.Value}"));
        Assert.Empty(english.Where(p => SingularPlaceholderWithPlural().IsMatch(p.Value)).Select(p => $"{p.Key}: {p.Value}"));
    }

    [Fact]
    public void Every_enum_the_copy_names_has_a_text_for_each_member_in_one_set()
    {
        var keys = AllKeys();
        var named = typeof(Phrase).Assembly.GetTypes().Where(t => t.IsEnum && Enum.GetNames(t).Any(m => keys.ContainsKey($"{t.Name}.{m}")));

        var missing = named.SelectMany(t => Enum.GetNames(t).Select(m => $"{t.Name}.{m}")).Where(k => !keys.ContainsKey(k));

        Assert.NotEmpty(named);
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_phrase_key_the_code_uses_is_defined_in_exactly_one_set()
    {
        var keys = AllKeys();
        var used = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => PhraseKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !keys.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct());
        Assert.Empty(used.Where(u => keys.TryGetValue(u.Key, out var sets) && sets.Count > 1).Select(u => $"{u.Key} in {string.Join(", ", keys[u.Key])}").Distinct());
    }

    [Fact]
    public void The_copy_check_finds_what_no_user_may_read()
    {
        var problems = CopyCheck.Problems("Contacted → NoCapacity via Referral at 2026-12-02T07:00:00.0000000+00:00 by aad:aad-pm3 for user-1 (1 bids) 1 years here");

        Assert.Equal(6, problems.Count);
        Assert.Empty(CopyCheck.Problems("Payments Platform: no capacity · Wed, Dec 2, 3:00 PM · another PM · 1 bid · 11 days · 2 years"));
        Assert.Empty(CopyCheck.Problems("已联系 → 有意向但缺人手，12月2日（周三）15:00"));
    }

    private static (Dictionary<string, string> English, Dictionary<string, string> Chinese) Load(string set)
    {
        var type = ResourceTextCatalog.Instance.Sets.Single(s => s.FullName == set);
        var manager = new ResourceManager(type);
        return (Entries(manager, CultureInfo.InvariantCulture), Entries(manager, Chinese));
    }

    private static Dictionary<string, string> Entries(ResourceManager manager, CultureInfo culture) =>
        manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);

    /// <summary>Every key of every set, with the sets that define it.</summary>
    private static Dictionary<string, List<string>> AllKeys()
    {
        var keys = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var type in ResourceTextCatalog.Instance.Sets)
        {
            foreach (var key in Entries(new ResourceManager(type), CultureInfo.InvariantCulture).Keys)
            {
                if (!keys.TryGetValue(key, out var sets))
                {
                    keys[key] = sets = [];
                }

                sets.Add(type.Name);
            }
        }

        return keys;
    }

    private static HashSet<string> Placeholders(string template) =>
        [.. Placeholder().Matches(template).Select(m => m.Groups["index"].Value)];

    [GeneratedRegex(@"(?<!\{)\{(?<index>\d+)(?:[,:][^}]*)?\}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();

    // An ASCII , ; : ? ! ( ) touching a Chinese character.
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}[,;:?!()]|[,;:?!()]\p{IsCJKUnifiedIdeographs}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HalfWidthNextToChinese();

    [GeneratedRegex(@"[，。；：？！、]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ChineseSentencePunctuation();

    // "{0} days" without a plural form: wrong for 1 (use {0:plural:# day|# days}).
    [GeneratedRegex(@"\{\d+\} (?:outreaches|years|bids|days|hours|minutes|weeks|months|departments|reminders|veterans|targets|projects|customers|opportunities|contacts|times|competitors|members|colleagues|items|tasks|rows|errors|steps)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SingularPlaceholderWithPlural();

    // new Phrase("Key", …) and a target-typed new("Key", …) where the key looks like one (Word.Word…), not a namespaced name.
    [GeneratedRegex(@"new(?: Phrase)?\(""(?!OutreachBot\.)(?<key>[A-Z][A-Za-z]+(?:\.[A-Za-z0-9]+)+)""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PhraseKey();
}
