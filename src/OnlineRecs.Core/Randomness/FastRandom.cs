namespace OnlineRecs.Core.Randomness;

/// <summary>
/// A SplitMix64 stream: tiny, fast, and the same on every platform, so one-thread training
/// is bit-for-bit repeatable for a seed. Each thread owns its own.
/// </summary>
public struct FastRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextULong() => SplitMix64.Mix(_state++);

    /// <summary>Uniform in [0, n) (Lemire's multiply-shift; the bias is below 2⁻³² for our n).</summary>
    public int Next(int n) => (int)((NextULong() >> 32) * (ulong)n >> 32);

    /// <summary>Uniform in [0, 1).</summary>
    public float NextFloat() => (NextULong() >> 40) * (1f / (1 << 24));
}
