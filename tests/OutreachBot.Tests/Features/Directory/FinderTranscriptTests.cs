using OutreachBot.Domain.Directory.Leads;
using OutreachBot.Domain.Storage.Directory;
using OutreachBot.Domain.Storage.Leads;

namespace OutreachBot.Tests.Features.Directory;

[Collection(RenderedCardsCollection.Name)]
public sealed class FinderTranscriptTests : IAsyncLifetime
{
    private BotTestHost host = null!;

    public async Task InitializeAsync() => host = await DemoCompany.StartAsync();

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    private Task<IReadOnlyList<Lead>> LeadsAsync() => host.Services.GetRequiredService<LeadLog>().ListAsync();

    private static Dictionary<string, string> SubmitData(JObject card, string button) =>
        Transcript.FindAction(card, button)["fallback"]!["data"]!.ToObject<Dictionary<string, string>>()!;

    [Fact]
    public async Task A_Chinese_query_ranks_departments_with_why_they_matched_and_their_head()
    {
        var chat = host.Chat(locale: "zh-CN");

        var replies = await chat.SayAsync("找 支付风控");

        var text = replies.AllText();
        Assert.Contains("与“支付风控”相关的部门", text);
        Assert.Contains("1.\n风控中心\n星海集团 › 金融科技事业群 › 风控中心\n“风控”见于部门名称；“支付”见于部门简介", text);
        Assert.Contains("负责人：蔡海 · 部门总监", text);
        Assert.Contains("支付中台", text);
        Assert.Equal(["定为目标部门", "组织架构"], replies.Cards()[0].ButtonTitles().Take(2));
    }

    [Theory]
    [InlineData("an English query finds risk and payments first", "en-US", "find payment risk",
        new[] { "1.\nRisk Management Center", "Payments Platform\nXinghai Group › Fintech Group › Payments Platform\n“payment” in Name: Payments\nName: **Payments** Platform\nHead: Han Yu · Director" })]
    [InlineData("a mixed Chinese and English query matches both languages", "zh-CN", "找 支付 risk",
        new[] { "1.\n风控中心", "“risk”见于英文名称", "支付中台" })]
    [InlineData("a typo in an English keyword still finds the department", "en-US", "find paymnet gateway",
        new[] { "1.\nPayments Platform", "“paymnet gateway” (read as payment gateway)", "**payment" })]
    public async Task A_query_ranks_the_departments_that_match_it_with_why_they_matched(string situation, string locale, string query, string[] expected)
    {
        var chat = host.Chat(locale: locale);

        var text = (await chat.SayAsync(query)).AllText();

        Assert.All(expected, snippet => Assert.True(text.Contains(snippet, StringComparison.Ordinal), $"{situation}: no \"{snippet}\" in\n{text}"));
    }

    [Fact]
    public async Task Target_this_department_carries_the_department_and_the_keyword_route()
    {
        var chat = host.Chat();
        var replies = await chat.SayAsync("find payment risk");

        var action = Transcript.FindAction(replies.Cards()[0], "Target this department");

        Assert.Equal("Action.Execute", (string?)action["type"]);
        Assert.Equal("targetDepartment", (string?)action["verb"]);
        Assert.Equal("risk", (string?)action["data"]!["departmentId"]);
        Assert.Equal("KeywordSearch", (string?)action["data"]!["route"]);
        Assert.Equal("payment risk", (string?)action["data"]!["query"]);
    }

    [Fact]
    public async Task Opening_a_search_hit_shows_its_org_chart_and_records_a_keyword_lead()
    {
        var chat = host.Chat(locale: "zh-CN");
        var found = await chat.SayAsync("找 支付风控");

        var opened = await chat.PressAsync(found.Cards()[0], "组织架构");

        Assert.Equal(200, opened.InvokeResponse().Status);
        Assert.Contains("资深成员（按司龄）", opened.AllText());
        Assert.Equal("支付风控", (string?)Transcript.FindAction(opened.Cards()[^1], "返回搜索结果")["data"]!["args"]);
        var lead = Assert.Single(await LeadsAsync());
        Assert.Equal(("risk", LeadRoute.KeywordSearch, "支付风控", "test:user-1"), (lead.DepartmentId, lead.Route, lead.Details, lead.FoundBy));
    }

    [Fact]
    public async Task Org_without_a_department_shows_the_root_and_its_children_as_buttons()
    {
        var chat = host.Chat(locale: "zh-CN");

        var replies = await chat.SayAsync("组织");

        Assert.Contains("星海集团\n负责人：钟静 · 首席执行官\n下属部门（10）", replies.AllText());
        Assert.Contains("金融科技事业群", replies.Cards()[0].ButtonTitles());
        Assert.Equal(10, replies.Cards()[0].ButtonTitles().Count);
    }

    [Fact]
    public async Task Org_by_Chinese_name_shows_path_head_senior_members_with_tenure_and_children()
    {
        var chat = host.Chat(locale: "zh-CN");

        var replies = await chat.SayAsync("组织 支付中台");

        var card = replies.Cards()[0];
        var text = replies.AllText();
        Assert.Contains("支付中台\nPayments Platform\n星海集团 › 金融科技事业群 › 支付中台", text);
        Assert.Contains("余涵 · 部门总监", card.ToString());
        Assert.Contains("魏勇文 · 测试工程师 · 跨境支付组\n司龄 19 年", text);
        Assert.Equal(5, card.ButtonTitles().Count(t => t == "问问TA"));
        Assert.Equal(["下属部门（3）", "上级：金融科技事业群", "找人引荐", "定为目标部门", "打开"], card.ButtonTitles().Skip(5));
        Assert.Equal(["收单接入组", "跨境支付组", "清结算组"], card.SelectTokens("$..choices[*].title").Select(t => (string?)t));
    }

    [Fact]
    public async Task A_card_submit_and_the_typed_command_give_the_same_card()
    {
        var typing = host.Chat(locale: "zh-CN", userId: "typist");
        var clicking = host.Chat(locale: "zh-CN", userId: "clicker");
        var top = await clicking.SayAsync("组织");

        var submitted = await clicking.SubmitAsync(SubmitData(top.Cards()[0], "金融科技事业群"));
        var typed = await typing.SayAsync("组织 金融科技事业群");

        Assert.Equal(typed.Cards()[0].ToString(), submitted.Cards()[0].ToString());
    }

    [Fact]
    public async Task Ask_this_person_drafts_the_short_first_question_and_records_an_org_chart_lead()
    {
        var chat = host.Chat(locale: "zh-CN");
        var org = await chat.SayAsync("组织 支付中台");

        var asked = await chat.PressAsync(org.Cards()[0], "问问TA");

        Assert.Contains("魏勇文您好，我们在筹划一个新产品，需要用到支付方面的能力。想请教一下：支付中台这边哪位同事负责这块比较合适？打扰了，多谢！", asked.AllText());
        Assert.Contains("直接复制发出即可", asked.AllText());
        var lead = Assert.Single(await LeadsAsync());
        Assert.Equal((DemoCompany.Payments, LeadRoute.OrgChart), (lead.DepartmentId, lead.Route));
    }

    [Fact]
    public async Task Ask_this_person_introduces_a_linked_user_and_uses_the_search_query_as_the_need()
    {
        var chat = host.Chat();
        await chat.SayAsync("iam " + DemoCompany.RiskModelerEmail);
        var found = await chat.SayAsync("find paymnet gateway");
        var opened = await chat.PressAsync(found.Cards()[0], "Org chart");

        var asked = await chat.PressAsync(opened.Cards()[^1], "Ask this person");

        Assert.Contains("Hi Yongwen Wei, I'm Yuanjia Ren from Risk Modeling. We're exploring a new product that needs paymnet gateway. "
            + "Could you tell me who in Payments Platform would be the right person to talk to about it? Thanks a lot!", asked.AllText());
        Assert.Equal([LeadRoute.KeywordSearch], (await LeadsAsync()).Select(l => l.Route));
    }

    [Fact]
    public async Task Redrafting_with_a_stated_need_changes_the_question()
    {
        var chat = host.Chat(locale: "zh-CN");
        var org = await chat.SayAsync("组织 支付中台");
        var data = SubmitData(org.Cards()[0], "问问TA");
        data.Remove("route");
        data["need"] = "跨境收款";

        var asked = await chat.SubmitAsync(data);

        Assert.Contains("需要用到跨境收款方面的能力", asked.AllText());
        Assert.Empty(await LeadsAsync());
    }

    [Fact]
    public async Task Linking_with_iam_from_the_hint_card_makes_referrals_work()
    {
        var chat = host.Chat(locale: "zh-CN");
        var hint = await chat.SayAsync("引荐 支付中台");
        var data = SubmitData(hint.Cards()[0], "关联我的身份");
        data["args"] = DemoCompany.RiskModelerEmail;

        var linked = await chat.SubmitAsync(data);
        var referrals = await chat.SayAsync("引荐 支付中台");

        Assert.Contains("任远嘉 / Yuanjia Ren", linked.AllText());
        var text = referrals.AllText();
        Assert.Contains("谁能把你引荐到支付中台\n从你出发：风控模型组 · 任远嘉", text);
        Assert.Contains("路径 1 · 4 步\n→ 欧阳思海 是你的直属上级\n→ 蔡海 是 欧阳思海 的直属上级", text);
        Assert.Contains("先请欧阳思海把你介绍给蔡海。", text);
        Assert.Contains("欧阳思海 · 风控模型组 · 组长\n司龄 10 年 · 离你 1 步 · 离目标部门 3 步", text);
    }

    [Fact]
    public async Task Referrals_in_English_explain_every_hop_and_rank_veterans_by_closeness()
    {
        var chat = host.Chat();
        await chat.SayAsync("iam " + DemoCompany.RiskModelerEmail);

        var text = (await chat.SayAsync("referrals Payments Platform")).AllText();

        Assert.Contains("Path 1 · 4 steps\n→ Sihai Ouyang is your manager\n→ Hai Cai is Sihai Ouyang's manager\n→ Yanyu Cai is Hai Cai's manager\n→ Han Yu reports to Yanyu Cai", text);
        Assert.Contains("Veterans who could introduce you (5+ years)\nSihai Ouyang · Risk Modeling · Team Lead\n10 years here · 1 step from you · 3 steps from the department", text);
    }

    [Fact]
    public async Task I_was_introduced_records_the_introductions_confirmed_so_the_next_search_finds_a_direct_path()
    {
        var chat = host.Chat();
        await chat.SayAsync("iam " + DemoCompany.RiskModelerEmail);
        var referrals = await chat.SayAsync("referrals Payments Platform");
        var asked = await chat.PressAsync(referrals.Cards()[0], "I was introduced");
        var data = SubmitData(asked.Cards()[0], "Record these");
        data["intro1"] = "true";
        data["intro2"] = "true";
        data["intro3"] = "true";

        var recorded = await chat.SubmitAsync(data);
        var again = await chat.SayAsync("referrals Payments Platform");

        Assert.Contains("Who introduced you?", asked.AllText());
        Assert.Contains("Referral recorded:\n• Sihai Ouyang introduced you to Hai Cai\n• Hai Cai introduced you to Yanyu Cai\n• Yanyu Cai introduced you to Han Yu", recorded.AllText());
        Assert.Contains("Path 1 · 1 step\n→ you met Han Yu through an earlier introduction\nYou already know Han Yu — ask them directly.", again.AllText());
        var lead = Assert.Single(await LeadsAsync());
        Assert.Equal((DemoCompany.Payments, LeadRoute.Referral), (lead.DepartmentId, lead.Route));
        Assert.Equal(3, (await host.Services.GetRequiredService<Domain.Storage.Directory.DirectoryRepository>().ListIntroductionsAsync()).Count);
    }

    [Fact]
    public async Task Only_the_introduction_the_user_ticks_is_recorded_and_pressing_again_adds_nothing()
    {
        var chat = host.Chat();
        await chat.SayAsync("iam " + DemoCompany.RiskModelerEmail);
        var referrals = await chat.SayAsync("referrals Payments Platform");
        var asked = await chat.PressAsync(referrals.Cards()[0], "I was introduced");
        var data = SubmitData(asked.Cards()[0], "Record these");
        data["intro3"] = "true";

        var first = await chat.SubmitAsync(data);
        var presses = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            presses.Add((await chat.SubmitAsync(data)).AllText());
        }

        Assert.Contains("Referral recorded:\n• Yanyu Cai introduced you to Han Yu", first.AllText());
        Assert.DoesNotContain("Sihai Ouyang introduced you", first.AllText());
        Assert.All(presses, text => Assert.Contains("Already recorded earlier", text));
        var introductions = await host.Services.GetRequiredService<Domain.Storage.Directory.DirectoryRepository>().ListIntroductionsAsync();
        var introduction = Assert.Single(introductions);
        Assert.Equal(("E00005", DemoCompany.RiskModelerId, "E00008"), (introduction.IntroducerId, introduction.IntroducedId, introduction.ToPersonId));
        Assert.Single(await LeadsAsync());
    }

    [Fact]
    public async Task A_path_with_invented_links_is_not_recorded()
    {
        var chat = host.Chat();
        await chat.SayAsync("iam " + DemoCompany.RiskModelerEmail);
        var referrals = await chat.SayAsync("referrals Payments Platform");
        var data = SubmitData(referrals.Cards()[0], "I was introduced");
        var ids = data["path"].Split('>');
        data["path"] = string.Join('>', ids[0], "E00001", ids[^1]);
        data["via"] = "Manager>DirectReport";
        data["confirmed"] = "true";
        data["intro1"] = "true";

        var replies = await chat.SubmitAsync(data);

        Assert.Contains("no longer matches the org directory", replies.AllText());
        Assert.Empty(await host.Services.GetRequiredService<Domain.Storage.Directory.DirectoryRepository>().ListIntroductionsAsync());
        Assert.Empty(await LeadsAsync());
    }

    [Fact]
    public async Task A_referral_path_of_another_user_is_not_recorded()
    {
        var owner = host.Chat(userId: "owner");
        await owner.SayAsync("iam " + DemoCompany.RiskModelerEmail);
        var referrals = await owner.SayAsync("referrals Payments Platform");
        var other = host.Chat(userId: "other");
        await other.SayAsync("iam jing.zhong@xinghai.example.com");

        var replies = await other.SubmitAsync(SubmitData(referrals.Cards()[0], "I was introduced"));

        Assert.Contains("This path starts from someone else", replies.AllText());
        Assert.Empty(await host.Services.GetRequiredService<Domain.Storage.Directory.DirectoryRepository>().ListIntroductionsAsync());
        Assert.Empty(await LeadsAsync());
    }

    [Fact]
    public async Task A_forged_referral_path_is_a_bad_request_and_records_nothing()
    {
        var chat = host.Chat();
        await chat.SayAsync("iam " + DemoCompany.RiskModelerEmail);

        var replies = await chat.ExecuteAsync(new { action = new { type = "Action.Execute", verb = "recordReferral", data = new { departmentId = "pay-core", path = "E00180>E00144", via = "Boss" } } });

        Assert.Equal(400, replies.InvokeResponse().Status);
        Assert.Empty(await LeadsAsync());
    }

    [Fact]
    public async Task Without_an_imported_directory_the_finder_says_so_instead_of_finding_nothing()
    {
        using var empty = new BotTestHost();
        var chat = empty.Chat(locale: "zh-CN");

        var find = await chat.SayAsync("找 支付");
        var org = await chat.SayAsync("组织");

        Assert.Equal("组织通讯录还没有导入，请联系管理员导入。", Assert.Single(find).Text);
        Assert.Equal("组织通讯录还没有导入，请联系管理员导入。", Assert.Single(org).Text);
    }

    [Fact]
    public async Task On_a_channel_without_cards_the_hits_are_numbered_once_and_a_number_opens_one()
    {
        var chat = host.Chat(channel: "slack");
        var found = await chat.SayAsync("find payment risk");

        var opened = await chat.SayAsync("2");

        var text = found.AllText();
        Assert.Contains("*Risk Management Center*\nXinghai Group › Fintech Group › Risk Management Center", text);
        Assert.Contains("1. Target this department\n2. Org chart\n*Credit Risk*", text);
        Assert.Contains("3. Target this department\n4. Org chart", text);
        TextChannelAssert.NumberedOnce(text);
        Assert.Contains("Longest-serving members", opened.AllText());
        Assert.Equal(LeadRoute.KeywordSearch, Assert.Single(await LeadsAsync()).Route);
    }

    [Theory]
    [InlineData("no hits suggest fewer words, the other language and the org chart", "en-US", "find xyzzy qwvvx",
        new[] { "No department matches \"xyzzy qwvvx\".", "a keyword in Chinese (e.g. 支付, 风控)" }, new[] { "find xyzzy", "find qwvvx", "Browse the org chart" })]
    [InlineData("find without keywords shows examples in both languages", "zh-CN", "找",
        new[] { "告诉我你需要什么能力" }, new[] { "找 支付风控", "find payment risk" })]
    [InlineData("an ambiguous name asks which department is meant", "zh-CN", "组织 风控",
        new[] { "有几个部门都和“风控”接近，你指的是哪一个？" }, new[] { "风控中心", "风控模型组" })]
    [InlineData("an unknown department offers a keyword search instead", "en-US", "org Quantum Teleportation Office",
        new[] { "I couldn't find a department called \"Quantum Teleportation Office\"" }, new[] { "find Quantum Teleportation Office", "Browse the org chart" })]
    [InlineData("referrals for a user not in the directory say so and offer iam", "zh-CN", "引荐 支付中台",
        new[] { "要找引荐路径，我得先知道你在组织通讯录里是谁" }, new[] { "关联我的身份" })]
    public async Task A_request_the_finder_cannot_answer_as_asked_explains_why_and_offers_the_next_steps_as_buttons(string situation, string locale, string typed, string[] explanations, string[] buttons)
    {
        var chat = host.Chat(locale: locale);

        var replies = await chat.SayAsync(typed);

        Assert.All(explanations, explanation => Assert.Contains(explanation, replies.AllText()));
        Assert.True(buttons.SequenceEqual(replies.Cards()[0].ButtonTitles()), $"{situation}: buttons {string.Join(", ", replies.Cards()[0].ButtonTitles())}");
    }

    [Theory]
    [InlineData("iam finds a demo company person whatever the case of the email", "en-US", "iam Jing.Zhong@Xinghai.Example.com",
        "Got it — you are 钟静 / Jing Zhong (jing.zhong@xinghai.example.com) in the org directory. This chat (test) can't confirm who you are, so I use it only for your own drafts; your team's pipeline needs Teams.")]
    [InlineData("referrals without a department explain what to type", "en-US", "referrals",
        "Which department do you want to reach? e.g. referrals Payments Platform or 引荐 支付中台.")]
    public async Task A_one_line_finder_command_gets_exactly_its_one_line_answer(string situation, string locale, string typed, string answer)
    {
        var chat = host.Chat(locale: locale);

        var replies = await chat.SayAsync(typed);

        Assert.True(replies.Count == 1, $"{situation}: {replies.Count} replies");
        Assert.Equal(answer, replies[0].Text);
    }
}
