namespace OutreachBot.Features.StageTwo;

/// <summary>A sub-command word (e.g. "work", "添加") and the flow or verb it stands for.</summary>
public sealed record StageTwoPiece(string Word, string Value);

/// <summary>
/// Splits a stage-2 command's arguments into its sub-command and the partner department it names, in either order:
/// "speech work", "work speech", "语音 分工", "分工" or "语音". The partner is null when none is named.
/// </summary>
public static class StageTwoArguments
{
    public static (StageTwoPiece? Piece, string? Partner) Split(string arguments, Func<string, string?> piece)
    {
        var words = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return (null, null);
        }

        if (piece(words[0]) is { } first)
        {
            return (new(words[0], first), Join(words[1..]));
        }

        if (words.Length > 1 && piece(words[^1]) is { } last)
        {
            return (new(words[^1], last), Join(words[..^1]));
        }

        return (null, Join(words));
    }

    private static string? Join(string[] words) => words.Length == 0 ? null : string.Join(' ', words);
}
