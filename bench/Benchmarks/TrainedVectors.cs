using OnlineRecs.Core.Scoring;

namespace OnlineRecs.Bench.Benchmarks;

/// <summary>What a fitted model serves from: a query vector per user and the item vectors to rank.</summary>
/// <param name="Model">The model that learned them, e.g. <c>warp</c>.</param>
/// <param name="UserRows">Row-major users × <see cref="ItemVectors.Dimensions"/>.</param>
public sealed record TrainedVectors(string Model, float[] UserRows, ItemVectors Items)
{
    public ReadOnlySpan<float> User(int user) => UserRows.AsSpan(user * Items.Dimensions, Items.Dimensions);
}
