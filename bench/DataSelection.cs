namespace OnlineRecs.Bench;

/// <summary>Which data sets a run covers.</summary>
public enum DataSelection
{
    /// <summary>ml-latest-small and the small synthetic set shaped like the speed reference.</summary>
    Small,

    /// <summary>The large synthetic set (about 10 million interactions by default).</summary>
    Synthetic,

    /// <summary>Every data set.</summary>
    Both,
}
