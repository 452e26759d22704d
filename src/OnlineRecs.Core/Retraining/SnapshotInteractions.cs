using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Retraining;

/// <summary>A snapshot's users and items as dense rows, and its positives as a users × items matrix of sample weights.</summary>
internal sealed record SnapshotInteractions(SnapshotSide Users, SnapshotSide Items, CsrMatrix Matrix)
{
    public static SnapshotInteractions Of(RetrainInput input)
    {
        var (users, items) = (SnapshotSide.Users(input), SnapshotSide.Items(input));
        var matrix = CsrMatrix.FromTriplets(users.Count, items.Count,
            input.Positives.Select(p => (users.RowOf(p.UserId), items.RowOf(p.ItemId), p.Weight)));
        return new SnapshotInteractions(users, items, matrix);
    }
}
