namespace OnlineRecs.Grains.Items;

/// <summary>An item grain's state: its own parameters (see <see cref="Core.Online.OwnParameters"/>), metadata and title.</summary>
[GenerateSerializer]
public sealed class ItemState
{
    /// <summary>Empty until the first gradient: an item without history is its metadata alone.</summary>
    [Id(0)] public float[] Parameters { get; set; } = [];
    [Id(1)] public string[] Metadata { get; set; } = [];
    [Id(2)] public string? Title { get; set; }
    [Id(3)] public long Updates { get; set; }

    /// <summary>The last batch applied; a replayed batch at or below it is skipped.</summary>
    [Id(4)] public long LastBatch { get; set; }
}
