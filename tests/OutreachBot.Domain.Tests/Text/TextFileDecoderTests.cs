using System.Text;

namespace OutreachBot.Domain.Tests.Text;

public sealed class TextFileDecoderTests
{
    private const string Sample = "id,name_zh,name_en\nhq,总部,Headquarters\npay,支付部,Payments\n";

    [Fact]
    public void Chinese_text_with_few_ASCII_characters_in_UTF16_without_a_BOM_is_still_recognised()
    {
        var text = "竞争对手,项目\n恒信科技,支付风控平台升级改造项目\n远景软件,反欺诈系统建设\n";

        var decoded = TextFileDecoder.Decode(Encoding.BigEndianUnicode.GetBytes(text));

        Assert.Equal((text, "UTF-16 BE"), (decoded.Text, decoded.Encoding!.Name));
    }

    [Fact]
    public void Plain_ASCII_is_UTF8_without_a_BOM()
    {
        var decoded = TextFileDecoder.Decode("a,b\n1,2\n"u8);

        Assert.Equal(TextFileEncoding.Utf8, decoded.Encoding);
    }

    [Fact]
    public void A_UTF8_BOM_is_dropped_and_reported()
    {
        var decoded = TextFileDecoder.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sample)]);

        Assert.Equal((Sample, true), (decoded.Text, decoded.Encoding!.ByteOrderMark));
        Assert.Equal("UTF-8（带 BOM）", decoded.Encoding.Describe(chinese: true));
    }

    [Fact]
    public void A_workbook_sent_as_text_is_refused_with_a_hint_to_save_as_CSV()
    {
        var decoded = TextFileDecoder.Decode("PK\u0003\u0004rest-of-a-zip"u8);

        Assert.False(decoded.Succeeded);
        Assert.Contains("save it as CSV", decoded.Problem!.Reason.En);
    }

    [Fact]
    public void Binary_with_NUL_bytes_is_not_text()
    {
        var decoded = TextFileDecoder.Decode("id,name\n1,a\0b\n"u8);

        Assert.Equal((2, 4), (decoded.Problem!.Line, decoded.Problem.Column));
    }

    [Fact]
    public void Mojibake_never_comes_out_as_replacement_characters()
    {
        byte[] bytes = [.. "name\n"u8, 0xC3, 0x28, (byte)'\n'];

        var decoded = TextFileDecoder.Decode(bytes);

        Assert.True(decoded.Text is null || !decoded.Text.Contains('\uFFFD', StringComparison.Ordinal));
    }
}
