using OnlineRecs.Bench.Measuring;

namespace OnlineRecs.Bench.Benchmarks;

/// <summary>A timed fit: how fast it went, and the vectors it produced for the top-K benchmark.</summary>
public sealed record TrainingResult(Measurement Measurement, TrainedVectors Vectors);
