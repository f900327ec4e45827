namespace OutreachBot.DemoData;

internal static class Titles
{
    private static readonly Dictionary<Work, string[]> ByWork = new()
    {
        [Work.Executive] = ["战略经理 / Strategy Manager", "总裁助理 / Executive Assistant", "业务运营经理 / Business Operations Manager"],
        [Work.Engineering] = ["软件工程师 / Software Engineer", "高级软件工程师 / Senior Software Engineer", "资深软件工程师 / Staff Software Engineer",
            "架构师 / Architect", "测试工程师 / Test Engineer", "产品经理 / Product Manager", "技术专家 / Technical Expert", "运维工程师 / Operations Engineer"],
        [Work.Product] = ["产品经理 / Product Manager", "高级产品经理 / Senior Product Manager", "产品运营 / Product Operations Specialist",
            "软件工程师 / Software Engineer", "数据分析师 / Data Analyst", "交互设计师 / Interaction Designer"],
        [Work.Sales] = ["客户经理 / Account Manager", "高级客户经理 / Senior Account Manager", "解决方案顾问 / Solution Consultant",
            "销售代表 / Sales Representative", "商务经理 / Business Development Manager"],
        [Work.Finance] = ["会计 / Accountant", "高级会计 / Senior Accountant", "财务分析师 / Financial Analyst", "财务经理 / Finance Manager"],
        [Work.Legal] = ["法务专员 / Legal Counsel", "高级法务经理 / Senior Legal Counsel", "合规经理 / Compliance Manager", "合规专员 / Compliance Specialist"],
        [Work.People] = ["招聘专员 / Recruiter", "人力资源业务伙伴 / HR Business Partner", "薪酬专员 / Compensation Specialist", "培训经理 / Training Manager"],
        [Work.Procurement] = ["采购专员 / Buyer", "采购经理 / Procurement Manager", "寻源专家 / Sourcing Specialist", "供应商管理专员 / Supplier Manager"],
        [Work.Operations] = ["运营专员 / Operations Specialist", "运营经理 / Operations Manager", "项目经理 / Project Manager"],
        [Work.Marketing] = ["市场经理 / Marketing Manager", "品牌经理 / Brand Manager", "增长运营 / Growth Specialist", "内容策划 / Content Strategist"],
    };

    public static string For(Work work, Random random)
    {
        var titles = ByWork[work];
        return titles[random.Next(titles.Length)];
    }
}
