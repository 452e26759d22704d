namespace OnlineRecs.Core.Retraining;

/// <summary>One finished epoch (ALS: iteration) of a full retrain and its loss.</summary>
public readonly record struct RetrainProgress(int Epoch, int Epochs, double Loss);
