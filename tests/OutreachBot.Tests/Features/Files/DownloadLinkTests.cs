using System.Net;
using System.Text;
using OutreachBot.Features.Files;
using OutreachBot.Features.Shared;
using OutreachBot.Storage.Downloads;

namespace OutreachBot.Tests.Features.Files;

public sealed class DownloadLinkTests : IDisposable
{
    private static readonly UserKey Owner = new("test:li-lei");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 6, 20, 0, TimeSpan.Zero));
    private readonly InMemoryEntityStore store = new();
    private readonly BotTestHost factory;

    public DownloadLinkTests()
    {
        factory = new BotTestHost(BotTestOptions.Quiet.With(
            ("Bot:PublicBaseUrl", "https://bot.example.com/outreach"),
            // The background sweeper would race the explicit sweep of the sweeper test; it is tested through that call.
            ("Files:SweepInterval", "30.00:00:00")) with
        { Store = TestStore.Given(store), Clock = clock });
    }

    public void Dispose() => factory.Dispose();

    private IDownloadLinks Links => factory.Services.GetRequiredService<IDownloadLinks>();

    private async Task<HttpResponseMessage> GetAsync(Uri link)
    {
        using var client = factory.CreateClient();
        return await client.GetAsync(link.PathAndQuery.Replace("/outreach", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_download_link_serves_the_file_over_HTTP_with_its_type_and_name()
    {
        var content = Encoding.UTF8.GetBytes("# 合作简报\n");

        var link = await Links.CreateAsync(new DownloadFile("合作简报.md", "text/markdown; charset=utf-8", content), Owner, CancellationToken.None);
        var response = await GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/markdown; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("合作简报.md", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_link_uses_the_configured_public_address_and_a_256_bit_token()
    {
        var link = await Links.CreateAsync(new DownloadFile("chart.png", "image/png", [1, 2, 3]), Owner, CancellationToken.None);

        Assert.StartsWith("https://bot.example.com/outreach/files/", link.AbsoluteUri, StringComparison.Ordinal);
        var token = link.Segments[^2].TrimEnd('/');
        Assert.Equal(43, token.Length);
        Assert.True(DownloadStore.IsWellFormedToken(token));
    }

    [Fact]
    public async Task Images_are_served_inline_so_a_card_can_show_them()
    {
        var link = await Links.CreateAsync(new DownloadFile("chart.png", "image/png", [137, 80, 78, 71]), Owner, CancellationToken.None);

        var response = await GetAsync(link);

        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_link_expires_after_24_hours_and_then_answers_like_an_unknown_one()
    {
        var link = await Links.CreateAsync(new DownloadFile("brief.md", "text/markdown", [65]), Owner, CancellationToken.None);

        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var justBefore = await GetAsync(link);
        clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, justBefore.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Empty(await expired.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Unknown_malformed_and_renamed_links_all_get_the_same_empty_404()
    {
        var link = await Links.CreateAsync(new DownloadFile("brief.md", "text/markdown", [65]), Owner, CancellationToken.None);
        var token = link.Segments[^2].TrimEnd('/');
        var other = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        var responses = new[]
        {
            await GetAsync(new Uri($"https://x/files/{other}/brief.md")),
            await GetAsync(new Uri("https://x/files/short/brief.md")),
            await GetAsync(new Uri($"https://x/files/{token}/other.md")),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.All(responses, r => Assert.Equal(0, r.Content.Headers.ContentLength ?? 0));
    }

    [Fact]
    public async Task A_file_over_400_KB_is_refused_with_a_clear_reason()
    {
        var big = new DownloadFile("export.csv", "text/csv", new byte[400 * 1024 + 1]);

        var refused = await Assert.ThrowsAsync<DownloadTooLargeException>(() => Links.CreateAsync(big, Owner, CancellationToken.None));

        Assert.Contains("409,601 bytes", refused.Message, StringComparison.Ordinal);
        Assert.Contains("409,600", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_400_KB_file_is_stored_in_chunks_and_comes_back_byte_for_byte()
    {
        var content = new byte[400 * 1024];
        new Random(7).NextBytes(content);

        var link = await Links.CreateAsync(new DownloadFile("big.bin", "application/octet-stream", content), Owner, CancellationToken.None);
        var response = await GetAsync(link);

        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_sweeper_deletes_expired_files_from_storage()
    {
        var downloads = factory.Services.GetRequiredService<DownloadStore>();
        await Links.CreateAsync(new DownloadFile("old.md", "text/markdown", [65]), Owner, CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(12));
        var fresh = await Links.CreateAsync(new DownloadFile("fresh.md", "text/markdown", [66]), Owner, CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(13));

        await downloads.SweepExpiredAsync(CancellationToken.None);

        var expiry = await store.QueryAsync(DownloadStore.Table, "expiry", RowKeyRange.All, 100, null);
        Assert.Single(expiry.Items);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(fresh)).StatusCode);
    }
}
