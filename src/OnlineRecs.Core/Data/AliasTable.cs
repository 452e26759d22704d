namespace OnlineRecs.Core.Data;

/// <summary>Draws indices in proportion to fixed weights in constant time (Walker's alias method, Vose's construction).</summary>
internal sealed class AliasTable
{
    private readonly double[] _keepProbability;
    private readonly int[] _alias;

    public AliasTable(ReadOnlySpan<double> weights)
    {
        var n = weights.Length;
        _keepProbability = new double[n];
        _alias = new int[n];
        var total = 0.0;
        foreach (var weight in weights) total += weight;

        var scaled = new double[n];
        var small = new int[n];
        var large = new int[n];
        int smallCount = 0, largeCount = 0;
        for (var i = 0; i < n; i++)
        {
            scaled[i] = weights[i] * n / total;
            if (scaled[i] < 1.0) small[smallCount++] = i;
            else large[largeCount++] = i;
        }
        while (smallCount > 0 && largeCount > 0)
        {
            var under = small[--smallCount];
            var over = large[largeCount - 1];
            _keepProbability[under] = scaled[under];
            _alias[under] = over;
            scaled[over] -= 1.0 - scaled[under];
            if (scaled[over] < 1.0)
            {
                largeCount--;
                small[smallCount++] = over;
            }
        }
        // What remains is 1 up to rounding error.
        for (var k = 0; k < largeCount; k++) _keepProbability[large[k]] = 1.0;
        for (var k = 0; k < smallCount; k++) _keepProbability[small[k]] = 1.0;
    }

    public int Sample(Random random)
    {
        // One uniform draw picks the column (integer part) and decides keep-or-alias (fraction).
        var x = random.NextDouble() * _keepProbability.Length;
        var column = (int)x;
        return x - column < _keepProbability[column] ? column : _alias[column];
    }
}
