using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace OutreachBot.Testing;

/// <summary>
/// Inputs as people type them and what each should give, kept as a tab-separated file next to the test that reads it
/// (copied to the test output). Lines starting with <c>#</c> say what the columns are; <c>-</c> is an empty cell and
/// <c>""</c> an empty text.
/// Each row is its own test case, named by its file, line and cells, so a failure names the row.
/// </summary>
public static class TypedCases
{
    /// <param name="path">The file, relative to the test project (e.g. <c>StageTwo/amounts.tsv</c>).</param>
    /// <param name="where">The rows one test takes, where a file holds the cases of more than one.</param>
    public static TheoryData<TypedCase> Read(string path, Func<TypedCase, bool>? where = null)
    {
        var data = new TheoryData<TypedCase>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, path), Encoding.UTF8))
        {
            lineNumber++;
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                var row = new TypedCase($"{Path.GetFileName(path)}:{lineNumber.ToString(CultureInfo.InvariantCulture)}", line.Split('\t'));
                if (where is null || where(row))
                {
                    data.Add(row);
                }
            }
        }

        return data;
    }
}

/// <summary>One row of a <see cref="TypedCases"/> file: its place (file:line) and its cells.</summary>
public sealed class TypedCase : IXunitSerializable
{
    private const string Separator = "\t";

    private string[] cells = [];

    /// <summary>For xUnit, which rebuilds each case from what <see cref="Serialize"/> wrote.</summary>
    public TypedCase()
    {
        Place = "";
    }

    public TypedCase(string place, string[] cells)
    {
        Place = place;
        this.cells = cells;
    }

    public string Place { get; private set; }

    /// <summary>The first cell: what the person typed.</summary>
    public string Text => cells[0] == "\"\"" ? "" : cells[0];

    /// <summary>A cell by its column (0 is the text); an empty cell is written <c>-</c> and read as null.</summary>
    public string? this[int column] => column < cells.Length && cells[column] != "-" ? cells[column] : null;

    /// <summary>A cell that the row must have.</summary>
    public string Required(int column) => this[column] ?? throw new InvalidOperationException($"{Place}: column {column.ToString(CultureInfo.InvariantCulture)} is empty");

    public void Deserialize(IXunitSerializationInfo info)
    {
        Place = info.GetValue<string>(nameof(Place));
        cells = info.GetValue<string>(nameof(cells)).Split(Separator);
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(Place), Place);
        info.AddValue(nameof(cells), string.Join(Separator, cells));
    }

    public override string ToString() => $"{Place} {string.Join(" | ", cells)}";
}
