namespace OnlineRecs.Core.Training;

/// <summary>The models the CLI and the cluster can train.</summary>
public enum ModelKind { Warp, WarpKos, Bpr, Logistic, Als, Popularity }
