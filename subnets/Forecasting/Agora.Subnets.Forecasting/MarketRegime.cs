namespace Agora.Subnets.Forecasting;

/// <summary>The market simulator's hidden state, switched by a Markov chain.</summary>
public enum MarketRegime
{
    /// <summary>Small shocks, no drift.</summary>
    Calm = 0,

    /// <summary>Large shocks, no drift.</summary>
    Volatile = 1,

    /// <summary>Moderate shocks and a steady drift up or down (the sign drawn on entering the regime).</summary>
    Trending = 2,
}
