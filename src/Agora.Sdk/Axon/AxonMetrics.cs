using Prometheus;

namespace Agora.Sdk.Axon;

/// <summary>
/// An axon's Prometheus metrics, per synapse: requests by outcome (<c>ok</c> or the refusal code), handler latency,
/// handlers in flight, and requests waiting for a slot. Names that are not served count as <c>unknown</c>, so random
/// paths cannot grow the label set.
/// </summary>
internal sealed class AxonMetrics
{
    public const string UnknownSynapse = "unknown";
    public const string Ok = "ok";

    private readonly Counter _requests;
    private readonly Histogram _duration;
    private readonly Gauge _inFlight;
    private readonly Gauge _queued;

    public AxonMetrics(CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        _requests = factory.CreateCounter("agora_axon_requests_total", "Synapse requests, by synapse and outcome (ok or the refusal code).", ["synapse", "outcome"]);
        _duration = factory.CreateHistogram(
            "agora_axon_request_duration_seconds",
            "Time from a request's arrival to its answer, by synapse.",
            new HistogramConfiguration { LabelNames = ["synapse"], Buckets = Histogram.ExponentialBuckets(0.0001, 4, 10) });
        _inFlight = factory.CreateGauge("agora_axon_requests_in_flight", "Synapse handlers running, by synapse.", ["synapse"]);
        _queued = factory.CreateGauge("agora_axon_requests_queued", "Requests waiting for a handler slot.");
    }

    public void Count(string synapse, string outcome, TimeSpan duration)
    {
        _requests.WithLabels(synapse, outcome).Inc();
        _duration.WithLabels(synapse).Observe(duration.TotalSeconds);
    }

    public void HandlerStarted(string synapse) => _inFlight.WithLabels(synapse).Inc();

    public void HandlerEnded(string synapse) => _inFlight.WithLabels(synapse).Dec();

    public void SetQueued(int queued) => _queued.Set(queued);
}
