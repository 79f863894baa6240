using System.Globalization;
using System.Net;
using Agora.EndToEnd.Tests.Harness;

namespace Agora.EndToEnd.Tests;

/// <summary>The node process's Prometheus endpoint.</summary>
[Collection(DevNodeGroup.Name)]
public sealed class MetricsTests(DevNodeFixture fixture)
{
    [Fact]
    public async Task Metrics_endpoint_serves_prometheus_text_with_the_best_block()
    {
        // Given a node that has produced a few blocks
        var before = await fixture.Client.WaitForBlockAsync(2);

        // When its metrics endpoint is scraped
        using var response = await fixture.Client.Http.GetAsync(fixture.Node.MetricsUrl);
        var text = await response.Content.ReadAsStringAsync();
        var after = await fixture.Client.BestAsync();

        // Then it is Prometheus text whose agora_best_block gauge lies between the best blocks seen around the scrape
        // (less one: the gauge is set just after the block is committed)
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Contains("# TYPE agora_best_block gauge", text, StringComparison.Ordinal);
        var sample = text.Split('\n').SingleOrDefault(line => line.StartsWith("agora_best_block ", StringComparison.Ordinal));
        Assert.True(sample is not null, $"no agora_best_block sample in:{Environment.NewLine}{text}");
        var bestBlock = double.Parse(sample["agora_best_block ".Length..], CultureInfo.InvariantCulture);
        Assert.InRange(bestBlock, before.Number - 1, after.Number);
    }
}
