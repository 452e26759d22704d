namespace OnlineRecs.Core.Randomness;

/// <summary>The SplitMix64 finalizer that PROTOCOL.md uses to assign ratings to splits by hash.</summary>
public static class SplitMix64
{
    public static ulong Mix(ulong x)
    {
        var z = unchecked(x + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
