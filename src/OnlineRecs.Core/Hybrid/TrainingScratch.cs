using OnlineRecs.Core.Randomness;
namespace OnlineRecs.Core.Hybrid;

/// <summary>One worker's buffers and random stream, so the hot loop allocates nothing.</summary>
internal sealed class TrainingScratch(int factors, ulong seed)
{
    public FastRandom Random = new(seed);
    public float[] User { get; } = new float[factors];
    public float[] Positive { get; } = new float[factors];
    public float[] Negative { get; } = new float[factors];
    public float[] Direction { get; } = new float[factors];
    public double LossSum;
    public long Updates;

    /// <summary>Starts over as if new, with the random stream of <paramref name="seed"/>.</summary>
    public void Reset(ulong seed)
    {
        Random = new(seed);
        (LossSum, Updates) = (0, 0);
        Array.Clear(User);
        Array.Clear(Positive);
        Array.Clear(Negative);
        Array.Clear(Direction);
    }
}
