namespace OutreachBot.Domain.StageTwo;

/// <summary>A business system our product integrates with, and what for.</summary>
public sealed record IntegratedSystem(string Name, string Purpose);

/// <summary>One step of the core business flow; <see cref="Order"/> starts at 1.</summary>
public sealed record FlowStep(int Order, string Actor, string Action);

/// <summary>A link to an architecture or flow diagram; only absolute http(s) URLs are accepted.</summary>
public sealed record DiagramLink
{
    private DiagramLink(string title, Uri url)
    {
        Title = title;
        Url = url;
    }

    public string Title { get; }

    public Uri Url { get; }

    public static Validated<DiagramLink> Create(string title, string url)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return Validated<DiagramLink>.Invalid(new StageTwoError("diagram.title_missing", new Phrase("Diagram.TitleMissing")));
        }

        return Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0
            ? Validated<DiagramLink>.Valid(new DiagramLink(title.Trim(), uri))
            : Validated<DiagramLink>.Invalid(new StageTwoError("diagram.url_invalid", new Phrase("Diagram.UrlInvalid", url ?? string.Empty)));
    }
}

/// <summary>
/// The product panorama: application architecture (our modules, integrated business systems, how users are reached)
/// and the core business flow as ordered steps.
/// </summary>
public sealed record ProductPanorama(
    IReadOnlyList<string> OwnModules,
    IReadOnlyList<IntegratedSystem> IntegratedSystems,
    IReadOnlyList<string> UserChannels,
    IReadOnlyList<FlowStep> CoreFlow,
    IReadOnlyList<DiagramLink> Diagrams)
{
    public static ProductPanorama Empty { get; } = new([], [], [], [], []);

    public ProductPanorama WithModule(string module) => this with { OwnModules = [.. OwnModules, module] };

    public ProductPanorama WithIntegratedSystem(string name, string purpose) => this with { IntegratedSystems = [.. IntegratedSystems, new(name, purpose)] };

    public ProductPanorama WithUserChannel(string channel) => this with { UserChannels = [.. UserChannels, channel] };

    /// <summary>Appends a step numbered after the last one, so the flow stays ordered.</summary>
    public ProductPanorama WithStep(string actor, string action) => this with { CoreFlow = [.. CoreFlow, new(CoreFlow.Count + 1, actor, action)] };

    public ProductPanorama WithDiagram(DiagramLink link) => this with { Diagrams = [.. Diagrams, link] };
}
