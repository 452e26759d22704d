namespace OnlineRecs.Grains;

/// <summary>
/// The grain storage that model grains keep their state in across deactivation. The event log, not this
/// storage, is what survives a restart: replaying it rebuilds every grain.
/// </summary>
public static class ModelStorage
{
    public const string Name = "model";
}
