using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Retraining;

/// <summary>A snapshot's users and items as dense rows, and its positives as a users × items matrix of sample weights.</summary>
internal sealed record SnapshotInteractions(SnapshotSide Users, SnapshotSide Items, CsrMatrix Matrix)
{
    public static SnapshotInteractions Of(RetrainInput input)
    {
        var users = new SnapshotSide(input.Users, input.Positives.Select(p => p.UserId));
        var items = new SnapshotSide(input.Items, input.Positives.Select(p => p.ItemId));
        var matrix = CsrMatrix.FromTriplets(users.Count, items.Count,
            input.Positives.Select(p => (users.RowOf(p.UserId), items.RowOf(p.ItemId), p.Weight)));
        return new SnapshotInteractions(users, items, matrix);
    }
}
