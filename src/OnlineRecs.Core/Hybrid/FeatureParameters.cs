using OnlineRecs.Core.Randomness;
namespace OnlineRecs.Core.Hybrid;

/// <summary>
/// One side's (users' or items') learned parameters: an embedding and a bias per feature, and the
/// optimizer's per-parameter state. Grows when new features appear, which is what lets
/// <see cref="HybridModel.FitPartial"/> take users, items and metadata it has not seen.
/// </summary>
public sealed class FeatureParameters
{
    private readonly int _factors;
    private FastRandom _init;

    public FeatureParameters(int factors, ulong seed)
    {
        _factors = factors;
        _init = new FastRandom(seed);
        Embeddings = [];
        Biases = [];
        EmbeddingState = [];
        BiasState = [];
        EmbeddingStepState = [];
        BiasStepState = [];
    }

    public int Count { get; private set; }

    public int Factors => _factors;

    /// <summary>Row-major, <see cref="Count"/> × factors.</summary>
    public float[] Embeddings { get; private set; }

    public float[] Biases { get; private set; }

    /// <summary>AdaGrad's sums of squared gradients, or Adadelta's mean squared gradients.</summary>
    public float[] EmbeddingState { get; private set; }

    public float[] BiasState { get; private set; }

    /// <summary>Adadelta's mean squared steps (unused by AdaGrad).</summary>
    public float[] EmbeddingStepState { get; private set; }

    public float[] BiasStepState { get; private set; }

    public Span<float> Embedding(int feature) => Embeddings.AsSpan(feature * _factors, _factors);

    /// <summary>
    /// Makes room for <paramref name="count"/> features. New embeddings start uniform in
    /// (−0.5, 0.5)/k as in LightFM, biases at 0; the optimizer state starts as the schedule needs.
    /// </summary>
    public void EnsureCount(int count, LearningSchedule schedule)
    {
        if (count <= Count) return;
        var capacity = Math.Max(count, Biases.Length);
        if (capacity > Biases.Length)
        {
            capacity = Math.Max(count, Biases.Length * 2);
            Embeddings = Grow(Embeddings, capacity * _factors);
            EmbeddingState = Grow(EmbeddingState, capacity * _factors);
            EmbeddingStepState = Grow(EmbeddingStepState, capacity * _factors);
            Biases = Grow(Biases, capacity);
            BiasState = Grow(BiasState, capacity);
            BiasStepState = Grow(BiasStepState, capacity);
        }

        var initialState = schedule == LearningSchedule.AdaGrad ? 1f : 0f;
        for (var f = Count; f < count; f++)
        {
            var row = Embedding(f);
            for (var c = 0; c < row.Length; c++) row[c] = (_init.NextFloat() - 0.5f) / _factors;
            EmbeddingState.AsSpan(f * _factors, _factors).Fill(initialState);
            BiasState[f] = initialState;
        }
        Count = count;
    }

    private static float[] Grow(float[] array, int length)
    {
        var grown = new float[length];
        array.CopyTo(grown, 0);
        return grown;
    }
}
