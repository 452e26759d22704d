using OnlineRecs.Core.Data;

namespace OnlineRecs.Bench.Data;

/// <summary>A data set to benchmark, how long to train on it, and the speed targets where it sets some.</summary>
public sealed record DatasetPlan(string Name, Func<string, BenchDataset> Load, int AlsIterations, int HybridEpochs)
{
    public double? AlsTargetSeconds { get; init; }
    public double? WarpTargetSeconds { get; init; }

    /// <summary>The plans of a run, loaded one at a time so the large set never shares memory with the others.</summary>
    public static IReadOnlyList<DatasetPlan> For(BenchSettings settings)
    {
        var plans = new List<DatasetPlan>();
        if (settings.Data is DataSelection.Small or DataSelection.Both)
        {
            plans.Add(new DatasetPlan("ml-latest-small (split train)", name => BenchDatasetLoader.MovieLensSplit(name, settings.MovieLensSmallPath),
                BenchSettings.SmallIterations, BenchSettings.SmallEpochs));
            plans.Add(new DatasetPlan("synthetic 3,000×3,600 (reference)", name => BenchDatasetLoader.Synthetic(name, BenchDatasetLoader.ReferenceShape),
                BenchSettings.SmallIterations, BenchSettings.SmallEpochs)
            {
                AlsTargetSeconds = 0.030,
                WarpTargetSeconds = 0.150,
            });
        }
        if (settings.Data is DataSelection.Synthetic or DataSelection.Both)
        {
            var options = new SyntheticDataOptions
            {
                Users = settings.SyntheticUsers,
                Items = settings.SyntheticItems,
                Interactions = settings.SyntheticInteractions,
            };
            plans.Add(new DatasetPlan($"synthetic {options.Users:N0}×{options.Items:N0}", name => BenchDatasetLoader.Synthetic(name, options),
                settings.SyntheticIterations, settings.SyntheticEpochs));
        }
        return plans;
    }
}
