namespace OnlineRecs.Core.Data;

/// <summary>A generated data set together with the latent factors it was planted from.</summary>
public sealed record SyntheticData(RatingDataset Dataset, PlantedFactors Factors);
