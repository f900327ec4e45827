using System.Text;
using OutreachBot.Domain.Outreaches;

namespace OutreachBot.Domain.Tests.Outreaches;

public sealed class OutreachExportTests
{
    private static readonly TimeZoneInfo Shanghai = LocalTime.ZoneOrUtc("Asia/Shanghai");
    private static readonly Copy Chinese = TestCopy.For(Language.Chinese, Shanghai);
    private static readonly Copy English = TestCopy.For(Language.English, Shanghai);

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line1\nline2", "\"line1\nline2\"")]
    [InlineData("支付中台", "支付中台")]
    [InlineData("", "")]
    public void Csv_fields_are_quoted_per_RFC_4180_and_neutralized_against_formulas(string value, string expected)
    {
        Assert.Equal(expected, OutreachExport.CsvField(value));
    }

    [Fact]
    public void Pipeline_csv_starts_with_a_BOM_uses_CRLF_and_localized_headers()
    {
        var outreach = new OutreachBuilder().WithIdea("=cmd|' /C calc'!A0").Targeting(OutreachBuilder.Payments, TargetStage.Contacted).Build();
        var views = new[] { OutreachStatus.View(outreach, "alice", OutreachBuilder.Start) };

        var zh = OutreachExport.PipelineCsv(views, Chinese, NameOf);
        var en = OutreachExport.PipelineCsv(views, English, NameOf);

        Assert.Equal([0xEF, 0xBB, 0xBF], zh[..3]);
        var zhText = Encoding.UTF8.GetString(zh[3..]);
        Assert.StartsWith("产品想法,负责人,部门,阶段,", zhText);
        Assert.Contains("\r\n'=cmd|' /C calc'!A0,Alice Chen,支付中台,已联系,2025-03-03 10:01,李雷,", zhText);
        Assert.EndsWith("\r\n", zhText);
        Assert.Equal(2, zhText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("Product idea,Owner,Department,Stage,", Encoding.UTF8.GetString(en[3..]));
        Assert.Contains("Payments Platform,Contacted", Encoding.UTF8.GetString(en[3..]));
    }

    [Fact]
    public void The_pipeline_export_shows_the_agreement_and_the_days_from_start_in_both_languages()
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments, TargetStage.MeetingScheduled).Build();
        outreach.MarkAgreed("alice", OutreachBuilder.Start.AddDays(4), "D042", "开放实时风控接口, 收入六四分成", "王总、李总");
        var views = new[] { OutreachStatus.View(outreach, "alice", OutreachBuilder.Start.AddDays(5)) };

        var zh = Encoding.UTF8.GetString(OutreachExport.PipelineCsv(views, Chinese, NameOf)[3..]);
        var en = Encoding.UTF8.GetString(OutreachExport.PipelineCsv(views, English, NameOf)[3..]);

        Assert.Contains(",达成时间,距启动天数,是否在截止前,达成内容,拍板人\r\n", zh);
        Assert.Contains(",已达成合作,", zh);
        Assert.EndsWith(",2025-03-07 10:00,4,是,\"开放实时风控接口, 收入六四分成\",王总、李总\r\n", zh);
        Assert.Contains(",Agreed on,Days from start,Within deadline,What was agreed,Decided by\r\n", en);
        Assert.EndsWith(",4,yes,\"开放实时风控接口, 收入六四分成\",王总、李总\r\n", en);
    }

    [Fact]
    public void Markdown_escapes_table_breaking_characters()
    {
        var outreach = new OutreachBuilder().WithIdea("A | B\n<script>").Targeting(OutreachBuilder.Payments).Build();

        var markdown = OutreachExport.PipelineMarkdown([OutreachStatus.View(outreach, "alice", OutreachBuilder.Start)], English, NameOf);

        var lines = markdown.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("# Outreach pipeline", lines[0]);
        Assert.Contains("| A \\| B<br>\\<script\\> | Alice Chen | Payments Platform | Not contacted yet |", lines[3]);
        Assert.Equal(UnescapedPipes(lines[1]), UnescapedPipes(lines[3]));
    }

    [Fact]
    public void Timeline_exports_every_event_in_order_in_both_formats()
    {
        var outreach = new OutreachBuilder().Targeting(OutreachBuilder.Payments, TargetStage.Agreed).Build();

        var history = new OutreachHistory(OutreachStatus.View(outreach, "alice", OutreachBuilder.Start), outreach.Timeline);

        var csv = Encoding.UTF8.GetString(OutreachExport.TimelineCsv(history, Chinese, NameOf)[3..]);
        var markdown = OutreachExport.TimelineMarkdown(history, Chinese, NameOf);

        Assert.StartsWith("序号,时间,操作人,事件,部门,详情\r\n1,", csv);
        Assert.Equal(outreach.Timeline.Count + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("已约会议 → 已达成合作", csv);
        Assert.DoesNotContain("MeetingScheduled", csv);
        Assert.Equal(outreach.Timeline.Count + 3, markdown.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static string NameOf(string userKey) => userKey == "alice" ? "Alice Chen" : "another PM";

    private static int UnescapedPipes(string line) => System.Text.RegularExpressions.Regex.Matches(line, @"(?<!\\)\|", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)).Count;
}
