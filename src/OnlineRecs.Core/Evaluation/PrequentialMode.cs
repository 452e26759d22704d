namespace OnlineRecs.Core.Evaluation;

/// <summary>How the system takes in the replayed events of PROTOCOL.md §4.</summary>
public enum PrequentialMode
{
    /// <summary>Events only enter the seen-item filters; the initial model never changes.</summary>
    Frozen,

    /// <summary>Each positive also updates the model as it arrives.</summary>
    Online,

    /// <summary>Online, plus a full retrain on all positives so far every <see cref="PrequentialOptions.RetrainEvery"/> events.</summary>
    OnlineRetrain,
}
