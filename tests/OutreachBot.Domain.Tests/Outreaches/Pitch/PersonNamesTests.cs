using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Domain.Tests.Outreaches.Pitch;

public sealed class PersonNamesTests
{
    [Theory]
    [InlineData("Jing Zhong", "钟静", "Jing")]
    [InlineData("Zhong Jing", "钟静", "Jing")]
    [InlineData("Wang Lei", "王磊", "Lei")]
    [InlineData("Lei Wang", "王磊", "Lei")]
    [InlineData("Sihai Ouyang", "欧阳四海", "Sihai")]
    [InlineData("Ouyang Sihai", "欧阳四海", "Sihai")]
    [InlineData("Nanzi Lyu", "吕楠梓", "Nanzi")]
    [InlineData("Lu Nanzi", "吕楠梓", "Nanzi")]
    [InlineData("Siu Ming Chan", "陈小明", "Siu Ming")]
    [InlineData("ZHANG Wei", null, "Wei")]
    [InlineData("Zhang, Wei", null, "Wei")]
    [InlineData("Jing (Jenny) Zhong", "钟静", "Jenny")]
    [InlineData("Anna Schmidt", null, "Anna")]
    [InlineData("Madonna", null, "Madonna")]
    public void The_given_name_is_read_whatever_the_order(string nameEn, string? nameZh, string given)
    {
        Assert.Equal(given, PersonNames.GivenName(nameEn, nameZh));
    }

    [Fact]
    public void Without_an_english_name_the_greeting_falls_back_to_the_chinese_one()
    {
        var person = new PitchPerson("钟静", " ");

        Assert.Equal(("钟静", "钟静"), (person.GreetingName(Language.Chinese), person.GreetingName(Language.English)));
    }
}
