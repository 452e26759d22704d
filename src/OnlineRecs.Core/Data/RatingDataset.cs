namespace OnlineRecs.Core.Data;

/// <summary>
/// Ratings in file order plus the metadata a data set carries, already turned into feature
/// names such as <c>genre=Comedy</c> or <c>age=25-34</c>.
/// </summary>
public sealed class RatingDataset
{
    public required string Name { get; init; }

    /// <summary>The detected format, e.g. <c>ml-100k</c>, <c>ml-1m</c>, <c>ml-latest</c>, <c>csv</c>.</summary>
    public required string Format { get; init; }

    public required Rating[] Ratings { get; init; }

    public IReadOnlyDictionary<int, string[]> UserFeatures { get; init; } = new Dictionary<int, string[]>();

    public IReadOnlyDictionary<int, string[]> ItemFeatures { get; init; } = new Dictionary<int, string[]>();

    public IReadOnlyDictionary<int, string> ItemTitles { get; init; } = new Dictionary<int, string>();
}
