namespace OutreachBot.Domain.StageTwo;

/// <summary>A validation failure with a stable code (for tests and logs) and a message for people (keys in StageTwoTexts).</summary>
public sealed record StageTwoError(string Code, Phrase Message);

/// <summary>Either a valid value or the reasons it could not be made.</summary>
public sealed class Validated<T>
{
    private readonly T? value;

    private Validated(T? value, IReadOnlyList<StageTwoError> errors)
    {
        this.value = value;
        Errors = errors;
    }

    public IReadOnlyList<StageTwoError> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    public T Value => IsValid
        ? value!
        : throw new InvalidOperationException($"No value: {string.Join("; ", Errors.Select(e => e.Code))}");

    public static Validated<T> Valid(T value) => new(value, []);

    public static Validated<T> Invalid(IReadOnlyList<StageTwoError> errors) =>
        errors.Count == 0 ? throw new ArgumentException("At least one error is required.", nameof(errors)) : new(default, errors);

    public static Validated<T> Invalid(StageTwoError error) => new(default, [error]);
}
