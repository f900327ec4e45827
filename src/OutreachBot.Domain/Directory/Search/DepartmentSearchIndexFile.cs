using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace OutreachBot.Domain.Directory.Search;

/// <summary>How the search index of a directory version came to be.</summary>
public enum SearchIndexSource
{
    /// <summary>Built from the directory (no folder to keep it in, or a directory without a version).</summary>
    Built,

    /// <summary>Read from the file stored for this directory version.</summary>
    Loaded,

    /// <summary>No file for this version yet: built, and stored for the next start.</summary>
    BuiltAndStored,

    /// <summary>The file was damaged, written by other code, or for another directory: built again and replaced.</summary>
    Replaced,
}

/// <summary>
/// The search index kept on disk beside the store, one file per directory version, so a restart reads it instead of
/// analysing 20,000 departments again. A file is used only when everything it was built from is the same: the
/// directory version and its department ids, the people count, and this very build of the search code and thesaurus
/// (the assembly's module version id, which changes whenever either does). The whole file is checked against a SHA-256
/// before any of it is read, so a damaged or half-written file is rebuilt, never half-used.
/// </summary>
public sealed partial class DepartmentSearch
{
    private const int IndexFormat = 1;
    private const string IndexPrefix = "departments-";
    private const string IndexExtension = ".index";
    private static readonly byte[] IndexMagic = "OBDS"u8.ToArray();

    /// <summary>
    /// The index of <paramref name="directory"/> at <paramref name="version"/>: read from <paramref name="folder"/>
    /// when a valid file is there, otherwise built and written there (older versions' files are removed).
    /// </summary>
    public static (DepartmentSearch Search, SearchIndexSource Source) LoadOrBuild(OrgDirectory directory, string version, string? folder)
    {
        if (folder is null || version.Length == 0)
        {
            return (Build(directory), SearchIndexSource.Built);
        }

        var path = Path.Combine(folder, IndexPrefix + SafeName(version) + IndexExtension);
        var existed = File.Exists(path);
        if (existed && TryLoad(path, directory, version) is { } loaded)
        {
            return (loaded, SearchIndexSource.Loaded);
        }

        var search = Build(directory);
        search.TryStore(folder, path, version);
        return (search, existed ? SearchIndexSource.Replaced : SearchIndexSource.BuiltAndStored);
    }

    private static DepartmentSearch? TryLoad(string path, OrgDirectory directory, string version)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (bytes.Length < SHA256.HashSizeInBytes || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - SHA256.HashSizeInBytes))
                .AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - SHA256.HashSizeInBytes)))
        {
            return null;
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - SHA256.HashSizeInBytes), Encoding.UTF8);
        if (!reader.ReadBytes(IndexMagic.Length).AsSpan().SequenceEqual(IndexMagic)
            || reader.ReadInt32() != IndexFormat
            || new Guid(reader.ReadBytes(16)) != CodeVersion
            || reader.ReadString() != version
            || reader.ReadInt32() != directory.People.Count
            || reader.ReadInt32() != directory.Departments.Count)
        {
            return null;
        }

        var departments = directory.Departments.ToArray();
        foreach (var department in departments)
        {
            if (reader.ReadString() != department.Id)
            {
                return null;
            }
        }

        var texts = ReadTable(reader, departments.Length);
        var folded = ReadTable(reader, departments.Length);
        var latinWords = ReadStrings(reader);
        var chineseNames = ReadStrings(reader);
        var termCount = reader.ReadInt32();
        var terms = new Dictionary<string, Postings>(termCount, StringComparer.Ordinal);
        for (var i = 0; i < termCount; i++)
        {
            terms[reader.ReadString()] = ReadPostings(reader);
        }

        var capabilities = new Postings[reader.ReadInt32()];
        var nested = new Postings[capabilities.Length];
        for (var i = 0; i < capabilities.Length; i++)
        {
            capabilities[i] = ReadPostings(reader);
            nested[i] = ReadPostings(reader);
        }

        var nameElements = new string[departments.Length][][];
        for (var d = 0; d < departments.Length; d++)
        {
            nameElements[d] = [ReadStrings(reader), ReadStrings(reader)];
        }

        return new DepartmentSearch(directory, SearchVocabulary.Default, departments, texts, folded,
            terms.ToFrozenDictionary(StringComparer.Ordinal), capabilities, nested, latinWords, chineseNames, nameElements);
    }

    private void TryStore(string folder, string path, string version)
    {
        if (!ReferenceEquals(Vocabulary, SearchVocabulary.Default))
        {
            return;
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            System.IO.Directory.CreateDirectory(folder);
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                var payload = new MemoryStream();
                using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
                {
                    Write(writer, version);
                }

                file.Write(payload.GetBuffer().AsSpan(0, (int)payload.Length));
                file.Write(SHA256.HashData(payload.GetBuffer().AsSpan(0, (int)payload.Length)));
            }

            // Written whole under another name, then renamed: a reader sees the old file, the new one, or none.
            File.Move(temporary, path, overwrite: true);
            foreach (var old in System.IO.Directory.EnumerateFiles(folder, IndexPrefix + "*" + IndexExtension))
            {
                if (!string.Equals(Path.GetFullPath(old), Path.GetFullPath(path), StringComparison.Ordinal))
                {
                    File.Delete(old);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A read-only or full disk costs the next start a rebuild, nothing else.
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Left behind; the next successful store does not look at *.tmp files.
            }
        }
    }

    private void Write(BinaryWriter writer, string version)
    {
        writer.Write(IndexMagic);
        writer.Write(IndexFormat);
        writer.Write(CodeVersion.ToByteArray());
        writer.Write(version);
        writer.Write(directory.People.Count);
        writer.Write(departments.Length);
        foreach (var department in departments)
        {
            writer.Write(department.Id);
        }

        WriteTable(writer, texts);
        WriteTable(writer, folded);
        WriteStrings(writer, latinWords);
        WriteStrings(writer, chineseNames);
        writer.Write(terms.Count);
        foreach (var (term, postings) in terms)
        {
            writer.Write(term);
            WritePostings(writer, postings);
        }

        writer.Write(capabilities.Length);
        for (var i = 0; i < capabilities.Length; i++)
        {
            WritePostings(writer, capabilities[i]);
            WritePostings(writer, nestedCapabilities[i]);
        }

        foreach (var names in nameElements)
        {
            WriteStrings(writer, names[0]);
            WriteStrings(writer, names[1]);
        }
    }

    /// <summary>This build of the search code and its embedded thesaurus.</summary>
    private static Guid CodeVersion => typeof(DepartmentSearch).Module.ModuleVersionId;

    private static string SafeName(string version) =>
        string.Concat(version.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));

    private static void WriteStrings(BinaryWriter writer, string[] strings)
    {
        writer.Write(strings.Length);
        foreach (var text in strings)
        {
            writer.Write(text);
        }
    }

    private static string[] ReadStrings(BinaryReader reader)
    {
        var strings = new string[reader.ReadInt32()];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = reader.ReadString();
        }

        return strings;
    }

    private static void WriteTable(BinaryWriter writer, string[][] rows)
    {
        foreach (var row in rows)
        {
            WriteStrings(writer, row);
        }
    }

    private static string[][] ReadTable(BinaryReader reader, int rows)
    {
        var table = new string[rows][];
        for (var i = 0; i < rows; i++)
        {
            table[i] = ReadStrings(reader);
        }

        return table;
    }

    private static void WritePostings(BinaryWriter writer, Postings postings)
    {
        writer.Write(postings.Idf);
        writer.Write(postings.Items.Length);
        writer.Write(MemoryMarshal.AsBytes(postings.Items.AsSpan()));
    }

    private static Postings ReadPostings(BinaryReader reader)
    {
        var idf = reader.ReadSingle();
        var count = reader.ReadInt32();
        return count == 0 && idf == 0 ? Postings.None : new Postings(MemoryMarshal.Cast<byte, int>(reader.ReadBytes(count * sizeof(int))).ToArray(), idf);
    }
}
