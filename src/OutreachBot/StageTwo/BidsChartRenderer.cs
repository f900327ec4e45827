using OutreachBot.Domain.StageTwo;
using ScottPlot;

namespace OutreachBot.StageTwo;

/// <summary>A rendered chart; <see cref="CjkFontMissing"/> is true when no installed font could draw Chinese text.</summary>
public sealed record ChartImage(byte[] Png, int Width, int Height, bool CjkFontMissing);

/// <summary>
/// Draws the winning-bids tally of one currency as a horizontal bar chart, one bar per competitor, in the font the app
/// ships (<see cref="CjkFontResolver"/>), so Chinese names are drawn whatever fonts the host has.
/// </summary>
public sealed class BidsChartRenderer
{
    private readonly string? font;

    public BidsChartRenderer()
        : this(CjkFontResolver.RegisteredFontName)
    {
    }

    /// <summary>Draws with exactly this ScottPlot font (tests register the shipped file alone under a name of their own).</summary>
    internal BidsChartRenderer(string? fontName) => font = fontName;

    public const int DefaultWidth = 800;
    public const int DefaultHeight = 450;
    private const int MaxBars = 8;

    /// <param name="copy">The reader's language: the title, labels and money are written for them.</param>
    public ChartImage Render(BidTally tally, Currency currency, Copy copy, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 200);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 150);
        using var plot = Draw(tally, currency, copy);
        var png = plot.GetImageBytes(width, height, ImageFormat.Png);
        return new ChartImage(png, width, height, font is null);
    }

    /// <summary>The same drawing as SVG, where its words can be read back (tests check what the chart says).</summary>
    internal string RenderSvg(BidTally tally, Currency currency, Copy copy, int width = DefaultWidth, int height = DefaultHeight)
    {
        using var plot = Draw(tally, currency, copy);
        return plot.GetSvgXml(width, height);
    }

    private Plot Draw(BidTally tally, Currency currency, Copy copy)
    {
        var competitors = Bars(tally.In(currency), copy);

        var plot = new Plot();
        if (font is not null)
        {
            plot.Font.Set(font);
        }

        if (competitors.Count == 0)
        {
            plot.Add.Annotation(copy.Text("Chart.NoBids"), Alignment.MiddleCenter);
            plot.HideGrid();
            plot.Axes.Frameless();
        }
        else
        {
            var bars = competitors
                .Select((c, i) => new Bar
                {
                    // Largest at the top: ScottPlot's y axis grows upwards.
                    Position = competitors.Count - 1 - i,
                    Value = (double)c.Total.Amount,
                    Label = copy.Text("Chart.BarLabel", c.Total, c.Count),
                    FillColor = i == 0 ? Color.FromHex("#6264A7") : Color.FromHex("#8B8CC7"),
                })
                .ToList();
            var barPlot = plot.Add.Bars(bars);
            barPlot.Horizontal = true;
            barPlot.ValueLabelStyle.FontSize = 12;
            if (font is not null)
            {
                barPlot.ValueLabelStyle.FontName = font;
            }

            plot.Axes.Left.SetTicks(
                [.. bars.Select(b => b.Position)],
                [.. competitors.Select(c => c.Competitor)]);
            plot.Axes.Left.MajorTickStyle.Length = 0;
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                LabelFormatter = value => copy.Value(new Money((decimal)value, currency)),
            };
            plot.Axes.Margins(left: 0, right: 0.25, bottom: 0.05, top: 0.05);
            plot.HideGrid();
            plot.Axes.Bottom.MinorTickStyle.Length = 0;
            // Room for the last money tick label, which ScottPlot centres on the plot's right edge.
            plot.Axes.Right.MinimumSize = 40;
        }

        // Last: Frameless() above hides the title panel, and an empty chart still says which period and currency it covers.
        plot.Title(copy.Text("Chart.Title", tally.Period.Describe(), currency.Code));
        return plot;
    }

    private static List<CompetitorTally> Bars(CurrencyTally? tally, Copy copy)
    {
        if (tally is null)
        {
            return [];
        }

        var ordered = tally.ByCompetitor.OrderByDescending(c => c.Total.Amount).ToList();
        if (ordered.Count <= MaxBars)
        {
            return ordered;
        }

        var rest = ordered.Skip(MaxBars - 1).ToList();
        var others = new CompetitorTally(
            copy.Text("Chart.Others", rest.Count),
            new Money(rest.Sum(c => c.Total.Amount), tally.Currency),
            rest.Sum(c => c.Count));
        return [.. ordered.Take(MaxBars - 1), others];
    }
}
