namespace Agora.Sdk.Subnets;

/// <summary>A miner host's options (configuration section <c>Miner</c>, or the root).</summary>
public sealed class MinerHostOptions : SubnetHostOptions
{
    /// <summary>The address the axon listens on.</summary>
    public string AxonListenAddress { get; set; } = "0.0.0.0";

    /// <summary>The axon's HTTP/2 port; 0 picks a free one.</summary>
    public int AxonPort { get; set; } = 8091;

    /// <summary>The address announced on chain, where validators reach the axon (loopback only on development chains).</summary>
    public string AxonIp { get; set; } = "127.0.0.1";

    /// <summary>Announce the axon with <c>serve_axon</c> when the chain's entry differs.</summary>
    public bool ServeAxon { get; set; } = true;

    /// <summary>How often the metagraph is re-read (who may call, with what stake).</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(12);
}
