using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Hybrid;

/// <summary>One user's or item's features and their membership weights: a row of <see cref="FeatureSpace"/>'s matrices.</summary>
public readonly ref struct FeatureRow
{
    public FeatureRow(ReadOnlySpan<int> features, ReadOnlySpan<float> weights)
    {
        if (features.Length != weights.Length) throw new ArgumentException("Features and weights differ in length.", nameof(weights));
        Features = features;
        Weights = weights;
    }

    public ReadOnlySpan<int> Features { get; }

    public ReadOnlySpan<float> Weights { get; }

    public static FeatureRow Of(CsrMatrix matrix, int row) => new(matrix.RowColumns(row), matrix.RowValues(row));
}
