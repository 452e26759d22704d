using OnlineRecs.Core.Data;
using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Bench.Data;

/// <summary>
/// A training set as the models see it: users × items positives (value 1), and the hybrid model's
/// feature matrices built the way the trainer builds them (identity where there is history, plus metadata).
/// </summary>
public sealed class BenchDataset
{
    private readonly Lazy<(CsrMatrix Users, CsrMatrix Items)> _features;

    public BenchDataset(string name, CsrMatrix train, IReadOnlyList<int> userIds, IReadOnlyList<int> itemIds, RatingDataset source)
    {
        Name = name;
        Train = train;
        _features = new Lazy<(CsrMatrix, CsrMatrix)>(() => BuildFeatures(train, userIds, itemIds, source));
    }

    public string Name { get; }

    public CsrMatrix Train { get; }

    public int Users => Train.Rows;

    public int Items => Train.Cols;

    public int Interactions => Train.NonZeros;

    /// <summary>Users × user features; built on first use, as ALS never needs it.</summary>
    public CsrMatrix UserFeatures => _features.Value.Users;

    /// <summary>Items × item features; built on first use, as ALS never needs it.</summary>
    public CsrMatrix ItemFeatures => _features.Value.Items;

    private static (CsrMatrix, CsrMatrix) BuildFeatures(CsrMatrix train, IReadOnlyList<int> userIds, IReadOnlyList<int> itemIds, RatingDataset source)
    {
        var itemHistory = new int[train.Cols];
        foreach (var item in train.Columns) itemHistory[item]++;
        var users = new FeatureSpace().Build(userIds, source.UserFeatures, u => train.RowLength(u) > 0);
        var items = new FeatureSpace().Build(itemIds, source.ItemFeatures, i => itemHistory[i] > 0);
        return (users, items);
    }
}
