namespace OutreachBot.Storage.Tests.AzureTables;

public sealed class AzureTableChunkingTests
{
    [Fact]
    public void Splitting_never_cuts_a_surrogate_pair()
    {
        var json = new string('a', AzureTableEntityStore.ChunkLength - 1) + "😀" + "tail";

        var chunks = AzureTableEntityStore.Split(json).ToList();

        Assert.Equal(json, string.Concat(chunks));
        Assert.All(chunks, c => Assert.False(char.IsHighSurrogate(c[^1]) || char.IsLowSurrogate(c[0])));
    }

    [Fact]
    public void An_empty_document_is_stored_as_zero_chunks_and_read_back_empty()
    {
        var entity = AzureTableEntityStore.ToTableEntity("p", "r", string.Empty);

        var json = AzureTableEntityStore.ReadJson(entity);

        Assert.Equal(0, entity.GetInt32(AzureTableEntityStore.ChunkCountProperty));
        Assert.Equal(string.Empty, json);
    }
}
