using System.Numerics.Tensors;
using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Hybrid;

/// <summary>
/// The LightFM hybrid model (Kula 2015): a user is q_u = Σ_f w_f e_f over its features (an
/// identity feature plus metadata), an item likewise p_i, and score = q_u·p_i + b_u + b_i.
/// </summary>
public sealed partial class HybridModel
{
    public HybridModel(HybridOptions options)
    {
        options.Validate();
        Options = options;
        Users = new FeatureParameters(options.Factors, Online.EntitySeeds.Users(options.Seed));
        Items = new FeatureParameters(options.Factors, Online.EntitySeeds.Items(options.Seed));
    }

    public HybridOptions Options { get; }

    public FeatureParameters Users { get; }

    public FeatureParameters Items { get; }

    public int Factors => Options.Factors;

    /// <summary>Epochs trained so far over all calls; seeds each epoch's shuffle.</summary>
    public int EpochsTrained { get; private set; }

    /// <summary>
    /// Trains further on <paramref name="interactions"/> (users × items, values are sample weights).
    /// Feature matrices may name more users, items and features than earlier calls: the parameter
    /// tables grow, and what was learned stays. <paramref name="entryUserRows"/>, when given, is the user's row for each
    /// interaction in the order of <paramref name="interactions"/>' entries, so that a user can be seen in a different
    /// context at each of its interactions (see <see cref="RecentItemsContext"/>); k-OS WARP, which steps per user, ignores it.
    /// </summary>
    public void FitPartial(CsrMatrix interactions, CsrMatrix userFeatures, CsrMatrix itemFeatures, int epochs = 1,
        IProgress<EpochProgress>? progress = null, CancellationToken cancellation = default, CsrMatrix? entryUserRows = null)
    {
        if (interactions.Rows > userFeatures.Rows || interactions.Cols > itemFeatures.Rows)
            throw new ArgumentException("Every user and item of the interactions needs a row of features.", nameof(interactions));
        if (entryUserRows is not null && entryUserRows.Rows != interactions.NonZeros)
            throw new ArgumentException("Entry user rows need one row per interaction.", nameof(entryUserRows));
        foreach (var w in interactions.Values)
            if (!float.IsFinite(w) || w < 0) throw new ArgumentException("Sample weights must be finite and non-negative.", nameof(interactions));

        Users.EnsureCount(Math.Max(userFeatures.Cols, entryUserRows?.Cols ?? 0), Options.Schedule);
        Items.EnsureCount(itemFeatures.Cols, Options.Schedule);
        var epoch = new HybridEpoch(this, interactions, userFeatures, itemFeatures, Options.Loss == LossKind.WarpKos ? null : entryUserRows);
        for (var e = 0; e < epochs; e++)
        {
            cancellation.ThrowIfCancellationRequested();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var loss = epoch.Run(EpochsTrained++);
            progress?.Report(new EpochProgress(e + 1, epochs, loss, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds));
        }
    }

    /// <summary>Writes Σ_f w_f e_f into <paramref name="vector"/> and returns Σ_f w_f b_f.</summary>
    public static float Represent(FeatureParameters parameters, ReadOnlySpan<int> features, ReadOnlySpan<float> weights, Span<float> vector)
    {
        vector.Clear();
        var bias = 0f;
        for (var n = 0; n < features.Length; n++)
        {
            var f = features[n];
            if ((uint)f >= (uint)parameters.Count) continue; // a feature the model has never trained on
            TensorPrimitives.MultiplyAdd(parameters.Embedding(f), weights[n], vector, vector);
            bias += weights[n] * parameters.Biases[f];
        }
        return bias;
    }

    /// <summary>User vectors for every row of <paramref name="userFeatures"/>, row-major, and their biases.</summary>
    public (float[] Vectors, float[] Biases) UserRepresentations(CsrMatrix userFeatures) => RepresentAll(Users, userFeatures);

    /// <summary>Item vectors for every row of <paramref name="itemFeatures"/>, row-major, and their biases.</summary>
    public (float[] Vectors, float[] Biases) ItemRepresentations(CsrMatrix itemFeatures) => RepresentAll(Items, itemFeatures);

    private (float[], float[]) RepresentAll(FeatureParameters parameters, CsrMatrix features)
    {
        var vectors = new float[features.Rows * Factors];
        var biases = new float[features.Rows];
        for (var r = 0; r < features.Rows; r++)
            biases[r] = Represent(parameters, features.RowColumns(r), features.RowValues(r), vectors.AsSpan(r * Factors, Factors));
        return (vectors, biases);
    }

    internal float RepresentUser(FeatureRow row, Span<float> into) => Represent(Users, row.Features, row.Weights, into);

    internal float RepresentItem(FeatureRow row, Span<float> into) => Represent(Items, row.Features, row.Weights, into);

    internal void DescendUser(FeatureRow row, float scale, ReadOnlySpan<float> direction, float biasGradient) =>
        Descend(Users, row.Features, row.Weights, scale, direction, biasGradient, Options.UserAlpha);

    internal void DescendItem(FeatureRow row, float scale, ReadOnlySpan<float> direction, float biasGradient) =>
        Descend(Items, row.Features, row.Weights, scale, direction, biasGradient, Options.ItemAlpha);

    /// <summary>
    /// Moves every feature of one user or item against a gradient: the embedding by
    /// <paramref name="scale"/> · <paramref name="direction"/> and the bias by <paramref name="biasGradient"/>,
    /// each feature weighted by its membership weight.
    /// </summary>
    private void Descend(FeatureParameters parameters, ReadOnlySpan<int> features, ReadOnlySpan<float> weights,
        float scale, ReadOnlySpan<float> direction, float biasGradient, float alpha)
    {
        var k = Factors;
        for (var n = 0; n < features.Length; n++)
        {
            var f = features[n];
            var w = weights[n];
            var theta = parameters.Embedding(f);
            if (Options.Schedule == LearningSchedule.AdaGrad)
            {
                AdaGrad.Step(theta, parameters.EmbeddingState.AsSpan(f * k, k), scale * w, direction, Options.LearningRate, alpha);
                AdaGrad.Step(ref parameters.Biases[f], ref parameters.BiasState[f], biasGradient * w, Options.LearningRate, alpha);
            }
            else
            {
                Adadelta.Step(theta, parameters.EmbeddingState.AsSpan(f * k, k), parameters.EmbeddingStepState.AsSpan(f * k, k),
                    scale * w, direction, alpha, Options.Rho, Options.Epsilon);
                Adadelta.Step(ref parameters.Biases[f], ref parameters.BiasState[f], ref parameters.BiasStepState[f],
                    biasGradient * w, alpha, Options.Rho, Options.Epsilon);
            }
        }
    }
}
