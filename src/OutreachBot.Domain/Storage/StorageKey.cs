using System.Text;

namespace OutreachBot.Domain.Storage;

/// <summary>
/// Key rules shared by every adapter, so a key that works on SQLite also works on Azure Tables.
/// Azure forbids '/', '\', '#', '?' and control characters in keys, and limits them to 1 KiB.
/// </summary>
public static class StorageKey
{
    public const int MaxLength = 512;

    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length > MaxLength)
        {
            throw new InvalidStorageKeyException(key[..32] + "…", $"longer than {MaxLength} characters");
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?')
            {
                throw new InvalidStorageKeyException(key, $"the character '{c}' is not allowed in keys");
            }

            if (char.IsControl(c))
            {
                throw new InvalidStorageKeyException(key, $"control character U+{(int)c:X4} is not allowed in keys");
            }
        }
    }

    /// <summary>
    /// Encodes arbitrary text into a valid key, reversibly: forbidden characters and '%' become %XX (UTF-8).
    /// Order of ASCII letters and digits is preserved.
    /// </summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if (value is '/' or '\\' or '#' or '?' or '%' || Rune.IsControl(rune))
            {
                var written = rune.EncodeToUtf8(bytes);
                for (var i = 0; i < written; i++)
                {
                    builder.Append('%').Append(bytes[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    public static string Decode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Contains('%', StringComparison.Ordinal))
        {
            return key;
        }

        var bytes = new List<byte>(key.Length);
        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '%' && i + 2 < key.Length)
            {
                bytes.Add(Convert.ToByte(key.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }

            Flush();
            builder.Append(key[i]);
        }

        Flush();
        return builder.ToString();

        void Flush()
        {
            if (bytes.Count > 0)
            {
                builder.Append(Encoding.UTF8.GetString(bytes.ToArray()));
                bytes.Clear();
            }
        }
    }

    /// <summary>A row key that sorts newest first: inverted ticks, zero-padded.</summary>
    public static string NewestFirst(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A row key that sorts oldest first: ticks, zero-padded.</summary>
    public static string OldestFirst(DateTimeOffset time) =>
        time.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
