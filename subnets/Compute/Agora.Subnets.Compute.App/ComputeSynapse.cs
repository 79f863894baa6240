using Agora.Sdk.Synapses;

namespace Agora.Subnets.Compute.App;

/// <summary>The compute subnet's one synapse, shared by miner and validator.</summary>
public static class ComputeSynapse
{
    /// <summary><c>POST /synapse/matrix_product</c>: A and B in, A · B mod 2^31 − 1 out.</summary>
    public static readonly Synapse<MatrixProductRequest, MatrixProductResponse> MatrixProduct = new(MatrixProductRequest.SynapseName);
}
