using OnlineRecs.Core.Data;
using OnlineRecs.Core.Evaluation;
using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Bench.Data;

/// <summary>Turns the data sets a run names into <see cref="BenchDataset"/>s.</summary>
public static class BenchDatasetLoader
{
    /// <summary>The shape of the speed reference in the issue: 3,000 users × 3,600 items × 223,300 positives.</summary>
    public static readonly SyntheticDataOptions ReferenceShape = new() { Users = 3_000, Items = 3_600, Interactions = 223_300 };

    /// <summary>The training positives of the split protocol, as the offline evaluation trains on them.</summary>
    public static BenchDataset MovieLensSplit(string name, string path)
    {
        var data = DatasetReader.Read(path);
        var split = Protocols.Split(data);
        return new BenchDataset(name, split.Train,
            split.Universe.Users.Ids, split.Universe.Items.Ids, data);
    }

    /// <summary>
    /// A generated set in which every rating counts as a positive, so that the interaction count is
    /// exactly the one asked for.
    /// </summary>
    public static BenchDataset Synthetic(string name, SyntheticDataOptions options)
    {
        var data = new SyntheticDataGenerator(options).Generate().Dataset;
        var universe = new Universe(data.Ratings);
        var train = CsrMatrix.FromTriplets(universe.Users.Count, universe.Items.Count,
            data.Ratings.Select(r => (universe.Users.IndexOf(r.UserId), universe.Items.IndexOf(r.ItemId), 1f)));
        return new BenchDataset(name, train, universe.Users.Ids, universe.Items.Ids, data);
    }
}
