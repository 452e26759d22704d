using System.Runtime.Intrinsics;

namespace OnlineRecs.Core.Scoring;

/// <summary>How a scan scores rows: exactly, and as a cheap upper bound from the int8 estimate.</summary>
internal interface IRowScore
{
    /// <summary>
    /// An upper bound on <see cref="Exact"/> for the eight rows starting at <paramref name="blockStart"/>,
    /// given their integer dot products with the query codes (offset removed) converted to float.
    /// </summary>
    Vector256<float> UpperBound(Vector256<float> codeDots, int blockStart);

    /// <summary>The float32 score that ranks <paramref name="item"/>.</summary>
    float Exact(int item);
}
