using Xunit.Abstractions;

namespace OutreachBot.Domain.Tests.Directory.Search;

public sealed class DepartmentSearchQualityTests(ITestOutputHelper output)
{
    /// <summary>Queries a PM would type, each with the department a person who knows the company would pick.</summary>
    public static readonly (string Query, string Expected)[] Queries =
    [
        ("支付中台", "pay-core"),
        ("聚合支付 收单", "pay-core"),
        ("反欺诈", "risk-fraud"),
        ("风控模型 评分卡", "risk-model"),
        ("跨境收款 外汇", "pay-cross"),
        ("对账 分账", "pay-settle"),
        ("授信 额度", "risk-credit"),
        ("发红包", "wallet-transfer"),
        ("先享后付 分期", "lending"),
        ("反洗钱", "aml"),
        ("对象存储", "cloud-oss"),
        ("数据仓库建模", "dp-warehouse"),
        ("人脸识别", "ai-cv"),
        ("大模型微调", "ai-llm"),
        ("智能客服 机器翻译", "ai-nlp"),
        ("电子发票", "einvoice"),
        ("短信验证码", "comms"),
        ("车联网", "iot-vehicle"),
        ("供应商准入", "proc-supplier"),
        ("招标比价", "proc-tender"),
        ("专利和商标", "ip"),
        ("个人信息保护", "privacy"),
        ("校园招聘", "hr-ta"),
        ("差旅 机票", "admin-travel"),
        ("组织架构 通讯录", "it-oa"),
        ("银行客户", "fsi"),
        ("数字政府", "gov"),
        ("华东 大客户", "east-ka"),
        ("支负中台", "pay-core"),
        ("反欺炸", "risk-fraud"),
        ("payment gateway", "pay-core"),
        ("fraud detection", "risk-fraud"),
        ("credit scoring", "risk-credit"),
        ("cross-border remittance", "pay-cross"),
        ("reconciliation", "pay-settle"),
        ("anti-money laundering", "aml"),
        ("object storage buckets", "cloud-oss"),
        ("managed kubernetes", "cloud-container"),
        ("load balancer", "cloud-slb"),
        ("single sign-on", "cloud-iam"),
        ("data governance lineage", "dp-governance"),
        ("face recognition", "ai-cv"),
        ("large language model", "ai-llm"),
        ("sales funnel opportunities", "crm-sales"),
        ("call center tickets", "crm-service"),
        ("video conferencing", "collab-meeting"),
        ("payroll and benefits", "hr-cb"),
        ("investor relations", "ir"),
        ("KYC sanctions screening", "aml"),
        ("loyalty points", "mkt-loyalty"),
        ("instalment loans", "lending"),
        ("支付 risk", "risk"),
        ("容器 Kubernetes", "cloud-container"),
        ("实时计算 Flink", "dp-stream"),
        ("paymnet gateway", "pay-core"),
        ("recomendation engine", "recsys"),
        ("kubernetse", "cloud-container"),
        ("procurment", "procurement"),
        ("warehose management", "logistics-wms"),
        ("vidoe conferencing", "collab-meeting"),
    ];

    [Fact]
    public void Hand_written_queries_find_their_department_in_the_top_three_at_least_nine_times_in_ten()
    {
        var search = DepartmentSearch.Build(DemoCompany.Directory);

        var misses = Queries
            .Select(q => (q.Query, q.Expected, Found: search.Search(q.Query, 3).Select(h => h.Department.Id).ToList()))
            .Where(r => !r.Found.Contains(r.Expected))
            .ToList();

        foreach (var (query, expected, found) in misses)
        {
            output.WriteLine($"MISS \"{query}\": expected {expected}, got [{string.Join(", ", found)}]");
        }

        var hitAt3 = 1 - misses.Count / (double)Queries.Length;
        output.WriteLine($"hit@3 = {hitAt3:P1} over {Queries.Length} queries");
        Assert.True(Queries.Length >= 40);
        Assert.True(Queries.Count(q => q.Query.Any(c => c >= '\u4e00')) >= Queries.Length / 2 - 5);
        Assert.True(hitAt3 >= 0.9, $"hit@3 {hitAt3:P1}: " + string.Join("; ", misses.Select(m => m.Query)));
    }
}
