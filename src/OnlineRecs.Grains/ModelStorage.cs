namespace OnlineRecs.Grains;

/// <summary>
/// The grain storage that model grains keep their state in across deactivation. The event log, not this
/// storage, is what survives a restart: replaying it rebuilds every grain.
/// </summary>
public static class ModelStorage
{
    public const string Name = "model";

    /// <summary>
    /// Keeps a collected grain's state while the silo runs. At shutdown the memory storage goes with the silo, so
    /// writing then would only fail; restart rebuilds from the checkpoint and the event log.
    /// </summary>
    public static Task KeepOnDeactivation<T>(this IPersistentState<T> state, DeactivationReason reason, CancellationToken cancellation) =>
        reason.ReasonCode == DeactivationReasonCode.ShuttingDown ? Task.CompletedTask : state.WriteStateAsync(cancellation);
}
