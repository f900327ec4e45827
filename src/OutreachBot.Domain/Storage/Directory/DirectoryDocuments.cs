using System.Text.Json;
using System.Text.Json.Serialization;
using OutreachBot.Domain.Directory;
using OutreachBot.Domain.Text;

namespace OutreachBot.Domain.Storage.Directory;

/// <summary>Which version is live.</summary>
internal sealed record PointerDocument(DirectoryVersion Current);

/// <summary>A slice of one version: some departments and people, short property names to stay small.</summary>
internal sealed record ChunkDocument(IReadOnlyList<StoredDepartment> D, IReadOnlyList<StoredPerson> P);

internal sealed record StoredDepartment(string Id, string Zh, string En, string? Parent, string? Head, string Desc, IReadOnlyList<string> Kw)
{
    public static StoredDepartment From(Department d) => new(d.Id, d.NameZh, d.NameEn, d.ParentId, d.HeadId, d.Description, d.Keywords);

    public Department ToDepartment(StringPool pool) => new(pool.Intern(Id), Zh, En, pool.InternOrNull(Parent), pool.InternOrNull(Head), Desc, Kw);
}

internal sealed record StoredPerson(string Id, string Zh, string En, string Mail, string Dept, string Title, DateOnly Hired, string? Mgr)
{
    public static StoredPerson From(Person p) => new(p.Id, p.NameZh, p.NameEn, p.Email, p.DepartmentId, p.Title, p.HireDate, p.ManagerId);

    public Person ToPerson(StringPool pool) => new(pool.Intern(Id), Zh, En, Mail, pool.Intern(Dept), pool.Intern(Title), Hired, pool.InternOrNull(Mgr));
}

/// <summary>Chunks are read with generated code: a 500,000-person directory is 260 chunks of 400 KB at every start.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ChunkDocument))]
internal sealed partial class DirectoryJsonContext : JsonSerializerContext;
