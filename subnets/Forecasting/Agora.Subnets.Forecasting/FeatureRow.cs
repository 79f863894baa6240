using Microsoft.ML.Data;

namespace Agora.Subnets.Forecasting;

/// <summary>One training or scoring row for ML.NET: the features and the scaled change to predict.</summary>
internal sealed class FeatureRow
{
    [VectorType(ForecastFeatures.Count)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}
