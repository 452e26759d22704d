using OnlineRecs.Core.Data;

namespace OnlineRecs.Core.Evaluation;

/// <summary>
/// Every user and item that appears anywhere in the ratings, indexed densely in ascending id order
/// (so "ties go to the lower item id" is the same as ties to the lower index).
/// </summary>
public sealed class Universe
{
    public Universe(IReadOnlyList<Rating> ratings)
    {
        Users = new IdIndex<int>(ratings.Select(r => r.UserId).Distinct().Order());
        Items = new IdIndex<int>(ratings.Select(r => r.ItemId).Distinct().Order());
    }

    public IdIndex<int> Users { get; }

    public IdIndex<int> Items { get; }
}
