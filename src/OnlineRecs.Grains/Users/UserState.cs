namespace OnlineRecs.Grains.Users;

/// <summary>A user grain's state: its own parameters (see <see cref="Core.Online.OwnParameters"/>), metadata and rated items.</summary>
[GenerateSerializer]
public sealed class UserState
{
    /// <summary>Empty until the first positive event: a user without history is its metadata alone.</summary>
    [Id(0)] public float[] Parameters { get; set; } = [];
    [Id(1)] public HashSet<int> Rated { get; set; } = [];
    [Id(2)] public HashSet<int> Positives { get; set; } = [];
    [Id(3)] public string[] Metadata { get; set; } = [];

    /// <summary>The positives in the order they first arrived, to draw rehearsals from.</summary>
    [Id(5)] public List<int> PositiveOrder { get; set; } = [];

    /// <summary>The log sequence of the last event applied; a replayed event at or below it is skipped.</summary>
    [Id(4)] public long LastSequence { get; set; }

    /// <summary>The full retrain these parameters descend from (0: online learning alone).</summary>
    [Id(6)] public long ModelVersion { get; set; }
}
