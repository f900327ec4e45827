namespace OutreachBot.Domain.Tests.Directory.Search;

public sealed class NeedReadingTests
{
    private static readonly Lazy<DepartmentSearch> Demo = new(() => DepartmentSearch.Build(DemoCompany.Directory));

    private static OrgDirectory SpeechCompany() => new OrgBuilder()
        .Department("hq", head: "ceo", nameZh: "公司", nameEn: "Company")
        .Department("voice", parent: "hq", head: "v1", nameZh: "语音识别组", nameEn: "Speech Recognition")
        .Department("pay", parent: "hq", head: "p1", nameZh: "收银结算组", nameEn: "Checkout Team")
        .Department("ops", parent: "hq", head: "o1", nameZh: "综合运营中心", nameEn: "Operations Center")
        .Person("ceo", "hq")
        .Person("v1", "voice", manager: "ceo")
        .Person("p1", "pay", manager: "ceo")
        .Person("o1", "ops", manager: "ceo")
        .Build();

    [Theory]
    [InlineData("的")]
    [InlineData("我们 需要 一个 的 了")]
    [InlineData("and the of")]
    [InlineData("Center")]
    [InlineData("integration")]
    [InlineData("中心")]
    [InlineData("能力")]
    [InlineData("who can help with the platform?")]
    [InlineData("我们需要一个平台能力")]
    public void Stop_words_and_generic_words_alone_find_nothing(string query)
    {
        var hits = Demo.Value.Search(query);

        Assert.Empty(hits);
    }

    [Fact]
    public void A_generic_word_counts_only_beside_a_real_match()
    {
        var search = DepartmentSearch.Build(SpeechCompany());

        var hits = search.Search("语音识别中心");

        Assert.Equal(["voice"], hits.Select(h => h.Department.Id));
    }

    [Fact]
    public void Traditional_characters_find_the_same_departments_as_simplified_ones()
    {
        var search = DepartmentSearch.Build(SpeechCompany());

        var traditional = search.Search("語音識別");
        var simplified = search.Search("语音识别");

        Assert.Equal("voice", simplified[0].Department.Id);
        Assert.Equal(simplified.Select(h => (h.Department.Id, h.Score)), traditional.Select(h => (h.Department.Id, h.Score)));
    }

    [Fact]
    public void A_synonym_hit_explains_itself_with_the_departments_own_words()
    {
        var search = DepartmentSearch.Build(SpeechCompany());

        var hit = search.Search("顾客扫码付钱")[0];

        Assert.Equal("pay", hit.Department.Id);
        var reason = Assert.Single(hit.Reasons);
        Assert.Equal(MatchKind.Synonym, reason.Kind);
        Assert.Equal("付钱", reason.Typed);
        Assert.Equal("收银", reason.Matched);
        Assert.Equal(DepartmentField.NameZh, reason.Field);
    }

    [Fact]
    public void Synonyms_work_across_languages()
    {
        var search = DepartmentSearch.Build(SpeechCompany());

        var hit = search.Search("who can help with speech recognition?")[0];

        Assert.Equal("voice", hit.Department.Id);
        Assert.Contains(hit.Reasons, r => r.Typed == "speech recognition");
    }

    [Theory]
    [InlineData("扫码支负", "支付")]
    [InlineData("电子发漂", "电子发票")]
    public void Chinese_characters_that_sound_like_a_known_term_are_read_as_it(string typed, string readAs)
    {
        var read = Demo.Value.Read(typed);

        Assert.Contains(read.Units, u => u.Correction == QueryCorrection.Homophone && u.Key.Contains(readAs, StringComparison.Ordinal));
    }

    [Fact]
    public void Pinyin_is_read_as_the_chinese_term()
    {
        var hits = Demo.Value.Search("fanxiqian");

        Assert.Equal("aml", hits[0].Department.Id);
        Assert.Equal(QueryCorrection.Pinyin, hits[0].Reasons[0].Correction);
        Assert.Equal("反洗钱", hits[0].Reasons[0].ReadAs);
    }

    [Fact]
    public void An_english_typo_is_read_as_the_word_that_makes_a_known_phrase()
    {
        var hit = Demo.Value.Search("machine transaltion")[0];

        Assert.Equal("ai-nlp", hit.Department.Id);
        Assert.Contains(hit.Reasons, r => r.Correction == QueryCorrection.Typo && r.ReadAs!.Contains("translation", StringComparison.Ordinal));
    }

    [Fact]
    public void A_word_inside_a_phrase_of_another_meaning_does_not_count_fully()
    {
        var hits = Demo.Value.Search("a balance users can top up and spend");

        Assert.Equal("wallet", hits[0].Department.Id);
    }

    [Fact]
    public void Folding_keeps_every_character_in_place()
    {
        var folded = ChineseText.Fold("語音識別ＡＢＣ　Kubernetes");

        Assert.Equal("语音识别abc kubernetes", folded);
    }

    [Fact]
    public void The_people_to_ask_are_the_title_that_fits_the_head_and_the_longest_serving()
    {
        var search = Demo.Value;
        var hits = search.Search("反洗钱");

        var contacts = NeedContacts.For(search, "反洗钱", hits, new DateOnly(2026, 11, 1));

        Assert.InRange(contacts.Count, 2, 3);
        Assert.All(contacts, c => Assert.Equal("aml", c.Department.Id));
        Assert.Contains(contacts, c => c.Reason == ContactReason.Head && c.Person.Id == hits[0].Department.HeadId);
        Assert.Equal(contacts.Count, contacts.Select(c => c.Person.Id).Distinct().Count());
    }
}
