namespace OnlineRecs.Bench;

/// <summary>The measurements one run can make; combinable, as <c>--suite warp,topk</c>.</summary>
[Flags]
public enum BenchSuite
{
    None = 0,
    Als = 1,
    Warp = 2,
    Bpr = 4,
    TopK = 8,
    All = Als | Warp | Bpr | TopK,
}
