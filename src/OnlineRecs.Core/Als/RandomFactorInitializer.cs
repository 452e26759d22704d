using OnlineRecs.Core.Randomness;
namespace OnlineRecs.Core.Als;

/// <summary>
/// Small Gaussian initial factors, N(0, 0.01²). Each row's values depend only on (seed, side, row),
/// so rows added by a warm start get the same values whatever the growth history or thread count.
/// </summary>
internal static class RandomFactorInitializer
{
    private const float Scale = 0.01f;

    /// <summary>Fills rows [firstRow, factors.Length / k) of a row-major factor matrix.</summary>
    public static void Fill(float[] factors, int k, int firstRow, int seed, int side)
    {
        for (var row = firstRow; row < factors.Length / k; row++)
        {
            var state = ((ulong)(uint)seed << 32 | (uint)side) * 0x9E3779B97F4A7C15UL ^ (ulong)row;
            var values = factors.AsSpan(row * k, k);
            for (var j = 0; j < k; j += 2)
            {
                // Box–Muller: two uniforms in (0, 1] give two independent standard normals.
                var radius = Scale * MathF.Sqrt(-2f * MathF.Log(NextUniform(ref state)));
                var (sin, cos) = MathF.SinCos(2f * MathF.PI * NextUniform(ref state));
                values[j] = radius * cos;
                if (j + 1 < k) values[j + 1] = radius * sin;
            }
        }
    }

    // The SplitMix64 stream (Steele, Lea & Flood 2014), top 24 bits as a float in (0, 1].
    private static float NextUniform(ref ulong state)
    {
        var z = SplitMix64.Mix(state);
        state += 0x9E3779B97F4A7C15UL;
        return ((z >> 40) + 1) * (1f / (1 << 24));
    }
}
