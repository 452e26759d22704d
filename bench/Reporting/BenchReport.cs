using OnlineRecs.Bench.Measuring;

namespace OnlineRecs.Bench.Reporting;

/// <summary>A data set as benchmarked, with the rounds each fit ran (the first of them a warm-up).</summary>
public sealed record DatasetSummary(string Name, int Users, int Items, int Interactions, int AlsIterations, int HybridEpochs, double LoadSeconds);

/// <summary>Everything one run measured, in the shape the JSON document takes.</summary>
public sealed record BenchReport(
    DateTimeOffset Date,
    MachineInfo Machine,
    BenchSettings Settings,
    IReadOnlyList<DatasetSummary> Datasets,
    IReadOnlyList<Measurement> Measurements);
