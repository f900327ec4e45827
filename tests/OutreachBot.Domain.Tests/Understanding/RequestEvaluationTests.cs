using OutreachBot.Domain.Tests.Directory;
using OutreachBot.Domain.Tests.Directory.Search;
using OutreachBot.Domain.Understanding;
using Xunit.Abstractions;

namespace OutreachBot.Domain.Tests.Understanding;

/// <summary>
/// The understanding figures of docs/understanding.md: natural requests written before the recognizer (Eval/*.tsv),
/// each with the command and arguments a person would expect. Prints accuracy by language and kind, and every miss.
/// </summary>
public sealed class RequestEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Natural_requests_over_the_demo_company_are_read_as_the_expected_command_and_arguments()
    {
        var (requests, report) = Measure("requests.tsv", DemoCompany.Directory, "demo company");

        Assert.True(requests.Count >= 200);
        Assert.InRange(requests.Count(r => r.Language == "zh") / (double)requests.Count, 0.45, 0.55);
        Assert.True(report.Accuracy >= 0.95, report.Describe("demo company"));
    }

    [Fact]
    public void Natural_requests_over_the_hold_out_company_are_measured_without_tuning()
    {
        var (requests, report) = Measure("holdout-requests.tsv", HoldOutCompany.Directory, "hold-out company");

        Assert.True(requests.Count >= 40);
        Assert.True(report.Accuracy >= 0.8, report.Describe("hold-out company"));
    }

    private (IReadOnlyList<EvaluationRequest> Requests, EvaluationReport Report) Measure(string file, OrgDirectory directory, string company)
    {
        var requests = EvaluationRequest.Load(file);
        var report = Evaluate(directory, requests);
        output.WriteLine(report.Describe(company));
        return (requests, report);
    }

    private static EvaluationReport Evaluate(OrgDirectory directory, IReadOnlyList<EvaluationRequest> requests)
    {
        var recognizer = new RequestRecognizer(DepartmentNames.Build(directory));
        var context = new RecognitionContext(RequestEvaluation.LocalNow);
        return new EvaluationReport(new RequestEvaluation(directory).Run(requests, text => recognizer.Recognize(text, context)));
    }
}
