using OutreachBot.Domain.Directory;
using OutreachBot.Domain.Outreaches;
using LeadRoute = OutreachBot.Domain.Outreaches.LeadRoute;

namespace OutreachBot.Tests.Features.Outreaches;

/// <summary>Who a message goes to, and 您 or 你, read from the demo company's directory.</summary>
public sealed class PitchAudienceTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("E00033", AddresseeRole.Contact, FormOfAddress.Familiar)]
    [InlineData("E00034", AddresseeRole.Contact, FormOfAddress.Respectful)]
    [InlineData("E00031", AddresseeRole.Contact, FormOfAddress.Respectful)]
    [InlineData("E00031", AddresseeRole.Head, FormOfAddress.Respectful)]
    [InlineData("E00012", AddresseeRole.Contact, FormOfAddress.Respectful)]
    [InlineData(null, AddresseeRole.Contact, FormOfAddress.Respectful)]
    public async Task Only_a_junior_peer_of_my_own_department_is_addressed_as_ni(string? addresseeId, AddresseeRole role, FormOfAddress form)
    {
        using var bot = await OutreachChat.StartAsync();
        var org = Directory(bot);
        var me = org.GetPerson("E00035");
        var addressee = addresseeId is null ? null : new PitchAddressee(new PitchPerson(org.GetPerson(addresseeId).NameZh, org.GetPerson(addresseeId).NameEn), role, 0, addresseeId);

        Assert.Equal(form, PitchAudience.FormFor(org, me, addressee));
        Assert.Equal(FormOfAddress.Respectful, PitchAudience.FormFor(org, null, addressee));
    }

    [Fact]
    public async Task A_question_from_the_org_chart_goes_to_the_longest_serving_member_and_a_pitch_to_the_head()
    {
        using var bot = await OutreachChat.StartAsync();
        var audience = bot.Host.Services.GetRequiredService<PitchAudience>();
        var org = Directory(bot);

        var veteran = audience.Addressee("pay-settle", PitchVariant.AskForPointer, null, Today)!;
        var head = audience.Addressee("pay-settle", PitchVariant.FirstContact, null, Today)!;

        Assert.Equal((AddresseeRole.Veteran, "E00032", 19), (veteran.Role, veteran.PersonId, veteran.Years));
        Assert.Equal((AddresseeRole.Head, "E00031"), (head.Role, head.PersonId));
        Assert.Equal(org.GetPerson("E00031").NameEn, head.Person.NameEn);
    }

    [Fact]
    public async Task A_follow_up_goes_to_the_person_last_contacted_found_by_name_in_the_directory()
    {
        using var bot = await OutreachChat.StartAsync();
        var audience = bot.Host.Services.GetRequiredService<PitchAudience>();
        var contact = new ContactEntry("c1", "pay-settle", null, "Wenchen Liao", LeadRoute.OrgChart, BotTestHostNow, "Hello", "test:user-1");

        var addressee = audience.Addressee("pay-settle", PitchVariant.CapabilityOnly, contact, Today)!;

        Assert.Equal((AddresseeRole.Contact, "E00034", "廖文晨"), (addressee.Role, addressee.PersonId, addressee.Person.NameZh));
    }

    [Fact]
    public async Task A_keyword_lead_names_the_departments_business_that_matches_the_need_in_the_words_of_the_need()
    {
        using var bot = await OutreachChat.StartAsync();
        var outreach = await bot.OutreachAsync("test:user-1", "商户收银台内置风控", ["pay-core", "pay-settle"], contacted: false, capability: "支付网关");
        var audience = bot.Host.Services.GetRequiredService<PitchAudience>();

        var payments = audience.MatchedBusiness(outreach, outreach.FindTarget("pay-core")!);
        var settlement = audience.MatchedBusiness(outreach, outreach.FindTarget("pay-settle")!);

        Assert.Equal(new BilingualText("支付网关", "支付网关"), payments);
        Assert.Null(settlement);
    }

    private static readonly DateTimeOffset BotTestHostNow = OutreachBot.Testing.BotTestHost.Now;

    private static OrgDirectory Directory(OutreachChat bot) => bot.Host.Services.GetRequiredService<LiveDirectory>().Current.Directory;
}
