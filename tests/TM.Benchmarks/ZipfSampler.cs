namespace TM.Benchmarks;

/// <summary>
/// Draws ranks 0..n−1 with probability proportional to 1 / (rank + 1)^s: a few words very often and most
/// words rarely, as in real text. Posting-list lengths, and so the cost of both indexes, depend on exactly
/// this skew, which uniform sampling would hide.
/// </summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int count, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _cumulative = new double[count];
        var sum = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            sum += 1.0 / Math.Pow(rank + 1, exponent);
            _cumulative[rank] = sum;
        }
    }

    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }
}
