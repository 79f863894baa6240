using System.Net;
using System.Net.Sockets;
using Agora.Core.Crypto;
using Agora.Sdk.Dendrite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Agora.Sdk.Tests.Axon;

/// <summary>The dendrite's fan-out: one result per axon, in order, and no exception for one axon's failure.</summary>
public sealed class DendriteTests
{
    [Fact]
    public async Task A_fan_out_reports_a_timeout_for_a_stuck_axon_while_the_others_answer()
    {
        using var stuck = new SemaphoreSlim(0);
        await using var fast = await AxonHarness.StartAsync();
        await using var slow = await AxonHarness.StartAsync(handler: async (request, context, cancellationToken) =>
        {
            await stuck.WaitAsync(cancellationToken);
            return new EchoResponse(request.Text, context.Caller, context.CallerStake);
        });
        using var dendrite = new DendriteClient(fast.Caller);
        var targets = new[] { fast.Target with { Uid = 1 }, slow.Target with { Uid = 2 }, fast.Target with { Uid = 3 } };

        var results = await dendrite.QueryAsync(Echo.Synapse, targets, new EchoRequest("ping"), TimeSpan.FromMilliseconds(500));

        Assert.Equal(new ushort?[] { 1, 2, 3 }, results.Select(result => result.Target.Uid));
        Assert.Equal([DendriteStatus.Success, DendriteStatus.Timeout, DendriteStatus.Success], results.Select(result => result.Status));
        Assert.Equal("ping", results[0].Response!.Text);
        Assert.Null(results[1].Response);
        Assert.Null(results[1].HttpStatus);
        Assert.Equal(2, fast.HandlerRuns);
    }

    [Fact]
    public async Task A_closed_port_is_unreachable_not_an_exception()
    {
        using var caller = KeyPair.FromUri("//Alice");
        using var dendrite = new DendriteClient(caller);
        var closed = new AxonTarget(1, caller.Account, "127.0.0.1", ClosedPort());

        var result = await dendrite.CallAsync(Echo.Synapse, closed, new EchoRequest("x"), TimeSpan.FromSeconds(10));

        Assert.Equal(DendriteStatus.Unreachable, result.Status);
        Assert.Null(result.HttpStatus);
        Assert.Contains("cannot connect", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200, "not json", DendriteStatus.BadResponse, null)]
    [InlineData(502, "<html>bad gateway</html>", DendriteStatus.Refused, null)]
    [InlineData(409, "{\"error\":\"stale_nonce\",\"message\":\"m\"}", DendriteStatus.Refused, "stale_nonce")]
    public async Task An_answer_is_classified_by_status_and_body(int status, string body, DendriteStatus expected, string? code)
    {
        await using var server = await StartBareAsync(status, body);
        using var caller = KeyPair.FromUri("//Alice");
        using var dendrite = new DendriteClient(caller);

        var result = await dendrite.CallAsync(Echo.Synapse, new AxonTarget(1, caller.Account, "127.0.0.1", Port(server)), new EchoRequest("x"));

        Assert.Equal((expected, status, code), (result.Status, result.HttpStatus, result.ErrorCode));
        Assert.Equal(expected == DendriteStatus.Success, result.Response is not null);
    }

    [Fact]
    public async Task An_answer_over_the_response_limit_is_a_bad_response()
    {
        await using var server = await StartBareAsync(200, "{\"text\":\"" + new string('a', 4096) + "\"}");
        using var caller = KeyPair.FromUri("//Alice");
        using var dendrite = new DendriteClient(caller, new DendriteOptions { ResponseBytesMax = 1024 });

        var result = await dendrite.CallAsync(Echo.Synapse, new AxonTarget(1, caller.Account, "127.0.0.1", Port(server)), new EchoRequest("x"));

        Assert.Equal(DendriteStatus.BadResponse, result.Status);
    }

    [Fact]
    public async Task The_callers_own_cancellation_throws_instead_of_reporting_a_timeout()
    {
        using var stuck = new SemaphoreSlim(0);
        await using var slow = await AxonHarness.StartAsync(handler: async (request, context, cancellationToken) =>
        {
            await stuck.WaitAsync(cancellationToken);
            return new EchoResponse(request.Text, context.Caller, context.CallerStake);
        });
        using var dendrite = new DendriteClient(slow.Caller);
        using var cancel = new CancellationTokenSource();

        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => dendrite.QueryAsync(Echo.Synapse, [slow.Target], new EchoRequest("x"), TimeSpan.FromMinutes(1), cancel.Token));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int Port(WebApplication app) => new Uri(app.Urls.First()).Port;

    /// <summary>A bare h2c Kestrel endpoint answering every request with <paramref name="status"/> and <paramref name="body"/>.</summary>
    private static async Task<WebApplication> StartBareAsync(int status, string body)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listener => listener.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.Run(async context =>
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsync(body, context.RequestAborted);
        });
        await app.StartAsync();
        return app;
    }
}
