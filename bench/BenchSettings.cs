namespace OnlineRecs.Bench;

/// <summary>Everything the command line decides about a benchmark run.</summary>
public sealed record BenchSettings
{
    public required BenchSuite Suites { get; init; }
    public required DataSelection Data { get; init; }
    public required int[] ThreadCounts { get; init; }
    public required string? JsonPath { get; init; }
    public required string MovieLensSmallPath { get; init; }
    public required int SyntheticUsers { get; init; }
    public required int SyntheticItems { get; init; }
    public required int SyntheticInteractions { get; init; }

    /// <summary>ALS iterations per fit on the large synthetic set, the first of them a warm-up.</summary>
    public required int SyntheticIterations { get; init; }

    /// <summary>WARP and BPR epochs per fit on the large synthetic set, the first of them a warm-up.</summary>
    public required int SyntheticEpochs { get; init; }

    /// <summary>Timed top-10 queries per set of item vectors; a tenth as many untimed ones warm up first.</summary>
    public required int TopKQueries { get; init; }

    public const int Factors = 64;

    /// <summary>ALS iterations per fit on the small sets: the project's default fit, first one a warm-up.</summary>
    public const int SmallIterations = 15;

    /// <summary>WARP and BPR epochs per fit on the small sets, the first of them a warm-up.</summary>
    public const int SmallEpochs = 10;
}
