namespace OnlineRecs.Core.Hybrid;

/// <summary>One finished epoch: its number, how many were asked for, the mean loss over its updates, and its wall time.</summary>
public readonly record struct EpochProgress(int Epoch, int Epochs, double Loss, double Seconds);
