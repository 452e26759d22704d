using System.Numerics.Tensors;

namespace OnlineRecs.Core.Data;

/// <summary>
/// Unit vectors scattered around a few random unit centroids: the planted structure behind
/// synthetic users (around segments) and items (around genres).
/// </summary>
internal sealed class LatentClusters
{
    private readonly int _rank;

    public LatentClusters(int clusters, int members, int rank, double spread, Random random)
    {
        _rank = rank;
        Centroids = new float[clusters * rank];
        for (var c = 0; c < clusters; c++) FillUnitGaussian(Centroids.AsSpan(c * rank, rank), random);

        ClusterOf = new int[members];
        Vectors = new float[members * rank];
        Span<float> noise = stackalloc float[rank];
        for (var m = 0; m < members; m++)
        {
            var cluster = random.Next(clusters);
            ClusterOf[m] = cluster;
            FillUnitGaussian(noise, random);
            var vector = Vectors.AsSpan(m * rank, rank);
            TensorPrimitives.MultiplyAdd(noise, (float)spread, Centroid(cluster), vector);
            Normalize(vector);
        }
    }

    public float[] Centroids { get; }

    public int[] ClusterOf { get; }

    /// <summary>Member vectors, row-major, each of unit length.</summary>
    public float[] Vectors { get; }

    public int Count => ClusterOf.Length;

    public int ClusterCount => Centroids.Length / _rank;

    public ReadOnlySpan<float> Centroid(int cluster) => Centroids.AsSpan(cluster * _rank, _rank);

    public ReadOnlySpan<float> Vector(int member) => Vectors.AsSpan(member * _rank, _rank);

    /// <summary>The cluster other than <paramref name="excluded"/> whose centroid lies closest to the member.</summary>
    public int NearestOtherCluster(int member, int excluded)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < ClusterCount; c++)
        {
            if (c == excluded) continue;
            var score = TensorPrimitives.Dot(Vector(member), Centroid(c));
            if (score > bestScore) (best, bestScore) = (c, score);
        }
        return best;
    }

    public static void FillUnitGaussian(Span<float> vector, Random random)
    {
        for (var k = 0; k < vector.Length; k++) vector[k] = (float)random.NextGaussian();
        Normalize(vector);
    }

    private static void Normalize(Span<float> vector) => TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
}
