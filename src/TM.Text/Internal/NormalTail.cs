namespace TM.Text.Internal;

/// <summary>Tail probabilities of the standard normal distribution, in log space so that they never underflow.</summary>
internal static class NormalTail
{
    /// <summary>−ln P(|Z| ≥ |δ|) = −ln erfc(|δ|/√2), for a standard normal Z.</summary>
    public static double NegativeLogTwoSided(double delta)
    {
        // Abramowitz & Stegun 7.1.26: erfc(x) ≈ t·(a1 + t·(a2 + …))·e^(−x²) with t = 1/(1 + p·x), absolute
        // error below 1.5e-7. Taking the log of the product keeps far tails finite (δ = 40 costs ≈ 800 nats)
        // instead of underflowing to −ln 0.
        var x = Math.Abs(delta) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * x));
        var polynomial = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        return (x * x) - Math.Log(polynomial);
    }
}
