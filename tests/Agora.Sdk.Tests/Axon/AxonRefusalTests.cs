using System.Net;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Sdk.Axon;
using Agora.Sdk.Dendrite;
using Agora.Sdk.Synapses;

namespace Agora.Sdk.Tests.Axon;

/// <summary>Each refusal of the axon protocol: its status and code, and the handler never runs.</summary>
public sealed class AxonRefusalTests
{
    private readonly NonceClock _nonces = new(TimeProvider.System);

    [Fact]
    public async Task A_signed_call_from_a_registered_caller_runs_the_handler_and_returns_the_typed_response()
    {
        await using var harness = await AxonHarness.StartAsync();
        using var dendrite = new DendriteClient(harness.Caller);

        var result = await dendrite.CallAsync(Echo.Synapse, harness.Target, new EchoRequest("hello"));

        Assert.Equal(DendriteStatus.Success, result.Status);
        Assert.Equal(200, result.HttpStatus);
        Assert.Equal(new EchoResponse("hello", harness.Caller.Account, AxonHarness.CallerStake), result.Response);
        Assert.Equal(1, harness.HandlerRuns);
    }

    [Fact]
    public async Task Health_answers_without_a_signature()
    {
        await using var harness = await AxonHarness.StartAsync();

        using var response = await harness.Raw.GetAsync(new Uri(harness.Axon.Url, "/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_without_a_signature_is_401_missing_signature()
    {
        await using var harness = await AxonHarness.StartAsync();
        var body = AxonHarness.Body("x");
        var signed = harness.Sign(body, _nonces.Next()) with { Signature = string.Empty };

        var (status, error) = await harness.SendAsync(harness.Request(signed, body));

        AssertRefused(harness, status, error, HttpStatusCode.Unauthorized, SynapseErrorCodes.MissingSignature);
    }

    [Fact]
    public async Task A_request_signed_by_another_key_is_401_bad_signature()
    {
        await using var harness = await AxonHarness.StartAsync();
        using var impostor = KeyPair.FromUri("//Eve");
        var body = AxonHarness.Body("x");
        var signed = harness.Sign(body, _nonces.Next(), signer: impostor) with { Caller = Ss58.Encode(harness.Caller.Account) };

        var (status, error) = await harness.SendAsync(harness.Request(signed, body));

        AssertRefused(harness, status, error, HttpStatusCode.Unauthorized, SynapseErrorCodes.BadSignature);
    }

    [Fact]
    public async Task A_signature_for_another_synapse_name_is_401_bad_signature()
    {
        await using var harness = await AxonHarness.StartAsync();
        var body = AxonHarness.Body("x");
        var signed = harness.Sign(body, _nonces.Next(), synapse: "other");

        var (status, error) = await harness.SendAsync(harness.Request(signed, body));

        AssertRefused(harness, status, error, HttpStatusCode.Unauthorized, SynapseErrorCodes.BadSignature);
    }

    [Fact]
    public async Task A_body_that_does_not_match_its_signed_hash_is_400_body_hash_mismatch()
    {
        await using var harness = await AxonHarness.StartAsync();
        var signed = harness.Sign(AxonHarness.Body("signed"), _nonces.Next());

        var (status, error) = await harness.SendAsync(harness.Request(signed, AxonHarness.Body("tampered")));

        AssertRefused(harness, status, error, HttpStatusCode.BadRequest, SynapseErrorCodes.BodyHashMismatch);
    }

    [Theory]
    [InlineData("caller")]
    [InlineData("callee")]
    [InlineData("nonce")]
    [InlineData("hash")]
    public async Task A_missing_or_malformed_header_is_400_bad_request(string broken)
    {
        await using var harness = await AxonHarness.StartAsync();
        var body = AxonHarness.Body("x");
        var signed = harness.Sign(body, _nonces.Next());
        signed = broken switch
        {
            "caller" => signed with { Caller = "not-an-address" },
            "callee" => signed with { Callee = string.Empty },
            "nonce" => signed with { Nonce = "-1" },
            _ => signed with { BodyHash = "0x1234" },
        };

        var (status, error) = await harness.SendAsync(harness.Request(signed, body));

        AssertRefused(harness, status, error, HttpStatusCode.BadRequest, SynapseErrorCodes.BadRequest);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_the_synapse_json_is_400_bad_request()
    {
        await using var harness = await AxonHarness.StartAsync();
        var body = "[1,2,3]"u8.ToArray();

        var (status, error) = await harness.SendAsync(harness.Request(harness.Sign(body, _nonces.Next()), body));

        AssertRefused(harness, status, error, HttpStatusCode.BadRequest, SynapseErrorCodes.BadRequest);
    }

    [Fact]
    public async Task A_request_for_another_axon_is_421_wrong_callee()
    {
        await using var harness = await AxonHarness.StartAsync();
        using var other = KeyPair.FromUri("//Charlie");
        var body = AxonHarness.Body("x");

        var (status, error) = await harness.SendAsync(harness.Request(harness.Sign(body, _nonces.Next(), callee: other.Account), body));

        AssertRefused(harness, status, error, HttpStatusCode.MisdirectedRequest, SynapseErrorCodes.WrongCallee);
    }

    [Fact]
    public async Task A_caller_not_registered_on_the_subnet_is_403_not_registered()
    {
        await using var harness = await AxonHarness.StartAsync();
        using var stranger = KeyPair.FromUri("//Dave");
        using var dendrite = new DendriteClient(stranger);

        var result = await dendrite.CallAsync(Echo.Synapse, harness.Target, new EchoRequest("x"));

        Assert.Equal((DendriteStatus.Refused, 403, SynapseErrorCodes.NotRegistered), (result.Status, result.HttpStatus, result.ErrorCode));
        Assert.Equal(0, harness.HandlerRuns);
    }

    [Fact]
    public async Task A_blacklisted_caller_is_403_not_registered_even_when_registered()
    {
        var alice = KeyPair.FromUri("//Alice").Account;
        await using var harness = await AxonHarness.StartAsync(new AxonOptions { Blacklist = new HashSet<AccountId> { alice } });
        using var dendrite = new DendriteClient(harness.Caller);

        var result = await dendrite.CallAsync(Echo.Synapse, harness.Target, new EchoRequest("x"));

        Assert.Equal((DendriteStatus.Refused, 403, SynapseErrorCodes.NotRegistered), (result.Status, result.HttpStatus, result.ErrorCode));
        Assert.Contains("blacklisted", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.HandlerRuns);
    }

    [Fact]
    public async Task An_allowlisted_caller_is_served_without_registration_with_zero_stake()
    {
        using var owner = KeyPair.FromUri("//Ferdie");
        await using var harness = await AxonHarness.StartAsync(new AxonOptions { Allowlist = new HashSet<AccountId> { owner.Account } });
        using var dendrite = new DendriteClient(owner);

        var result = await dendrite.CallAsync(Echo.Synapse, harness.Target, new EchoRequest("x"));

        Assert.Equal(DendriteStatus.Success, result.Status);
        Assert.Equal(Rao.Zero, result.Response!.CallerStake);
    }

    [Fact]
    public async Task A_declared_body_over_the_limit_is_413_body_too_large()
    {
        await using var harness = await AxonHarness.StartAsync(new AxonOptions { RequestBytesMax = 64 });
        var body = AxonHarness.Body(new string('a', 100));

        var (status, error) = await harness.SendAsync(harness.Request(harness.Sign(body, _nonces.Next()), body));

        AssertRefused(harness, status, error, HttpStatusCode.RequestEntityTooLarge, SynapseErrorCodes.BodyTooLarge);
    }

    [Fact]
    public async Task A_streamed_body_without_a_length_is_cut_off_at_the_limit_with_413_body_too_large()
    {
        await using var harness = await AxonHarness.StartAsync(new AxonOptions { RequestBytesMax = 64 });
        var body = AxonHarness.Body(new string('a', 100));
        using var request = harness.Request(harness.Sign(body, _nonces.Next()), []);
        request.Content = new StreamContent(new MemoryStream(body));

        var (status, error) = await harness.SendAsync(request);

        AssertRefused(harness, status, error, HttpStatusCode.RequestEntityTooLarge, SynapseErrorCodes.BodyTooLarge);
    }

    [Fact]
    public async Task A_body_at_the_limit_is_served()
    {
        var body = AxonHarness.Body("abc");
        await using var harness = await AxonHarness.StartAsync(new AxonOptions { RequestBytesMax = body.Length });

        var (status, _) = await harness.SendAsync(harness.Request(harness.Sign(body, _nonces.Next()), body));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, harness.HandlerRuns);
    }

    [Fact]
    public async Task An_unknown_synapse_is_404_unknown_synapse()
    {
        await using var harness = await AxonHarness.StartAsync();
        var body = AxonHarness.Body("x");

        var (status, error) = await harness.SendAsync(harness.Request(harness.Sign(body, _nonces.Next(), synapse: "nope"), body, "nope"));

        AssertRefused(harness, status, error, HttpStatusCode.NotFound, SynapseErrorCodes.UnknownSynapse);
    }

    [Fact]
    public async Task A_failing_handler_is_500_handler_failed_and_the_axon_keeps_serving()
    {
        var calls = 0;
        await using var harness = await AxonHarness.StartAsync(handler: (request, context, cancellationToken) =>
            Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("boom") : ValueTask.FromResult(new EchoResponse(request.Text, context.Caller, context.CallerStake)));
        using var dendrite = new DendriteClient(harness.Caller);

        var failed = await dendrite.CallAsync(Echo.Synapse, harness.Target, new EchoRequest("x"));
        var served = await dendrite.CallAsync(Echo.Synapse, harness.Target, new EchoRequest("y"));

        Assert.Equal((DendriteStatus.Refused, 500, SynapseErrorCodes.HandlerFailed), (failed.Status, failed.HttpStatus, failed.ErrorCode));
        Assert.Equal(DendriteStatus.Success, served.Status);
    }

    [Fact]
    public async Task The_http1_port_speaks_the_same_protocol_for_clients_without_h2c()
    {
        await using var harness = await AxonHarness.StartAsync(new AxonOptions { Http1Port = 0 });
        using var http1 = new HttpClient();
        var body = AxonHarness.Body("over http/1.1");
        using var request = harness.Request(harness.Sign(body, _nonces.Next()), body);
        request.RequestUri = new Uri($"http://127.0.0.1:{harness.Axon.Http1Port}/synapse/echo");
        request.Version = HttpVersion.Version11;

        using var response = await http1.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(1, 1), response.Version);
        Assert.Contains("over http/1.1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static void AssertRefused(AxonHarness harness, HttpStatusCode status, SynapseError? error, HttpStatusCode expectedStatus, string expectedCode)
    {
        Assert.Equal(expectedStatus, status);
        Assert.Equal(expectedCode, error?.Error);
        Assert.False(string.IsNullOrWhiteSpace(error?.Message));
        Assert.Equal(0, harness.HandlerRuns);
    }
}
