namespace OutreachBot.Domain.Text;

/// <summary>
/// A sentence the domain wants a person to read, as data: a resource key and its arguments, in no language yet.
/// The host renders it in the reader's language with <see cref="Copy"/> (templates from the features' resx files).
/// Arguments stay typed: a stage is a <see cref="TargetStage"/>-like enum, a time a <see cref="DateTimeOffset"/>,
/// a department name a <see cref="BilingualText"/>, a count an int; see docs/copy.md for how each is rendered.
/// </summary>
public sealed class Phrase : IEquatable<Phrase>
{
    public Phrase(string key, params object?[] args)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Key = key;
        Args = args ?? [];
    }

    public string Key { get; }

    public IReadOnlyList<object?> Args { get; }

    public bool Equals(Phrase? other) =>
        other is not null && Key == other.Key && Args.SequenceEqual(other.Args, ArgumentComparer.Instance);

    public override bool Equals(object? obj) => Equals(obj as Phrase);

    public override int GetHashCode() => HashCode.Combine(Key, Args.Count);

    /// <summary>For logs and test failures only; never shown to a user.</summary>
    public override string ToString() => Args.Count == 0 ? Key : $"{Key}({string.Join(", ", Args)})";

    private sealed class ArgumentComparer : IEqualityComparer<object?>
    {
        public static ArgumentComparer Instance { get; } = new();

        public new bool Equals(object? x, object? y) => (x, y) switch
        {
            (null, null) => true,
            (string a, string b) => a == b,
            (System.Collections.IEnumerable a, System.Collections.IEnumerable b) => a.Cast<object?>().SequenceEqual(b.Cast<object?>(), this),
            _ => object.Equals(x, y),
        };

        public int GetHashCode(object? obj) => obj?.GetHashCode() ?? 0;
    }
}
