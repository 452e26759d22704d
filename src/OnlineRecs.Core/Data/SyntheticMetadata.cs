using System.Numerics.Tensors;

namespace OnlineRecs.Core.Data;

/// <summary>
/// Metadata for synthetic users and items that carries signal about their latent vectors:
/// segment and genre are the clusters they were drawn around, gender and age follow latent directions, and
/// occupation leans towards a few per segment.
/// </summary>
internal static class SyntheticMetadata
{
    private const double SecondGenreChance = 0.4;
    private const int OccupationsPerSegment = 3;
    // The chance that a user's occupation is one of its segment's own rather than any at all.
    private const double SegmentOccupationChance = 0.3;

    // Share of users per age bucket, youngest first, roughly as in MovieLens 1M.
    private static readonly double[] AgeShares = [0.04, 0.18, 0.35, 0.20, 0.09, 0.08, 0.06];

    public static Dictionary<int, string[]> UserFeatures(LatentClusters users, int rank, SyntheticUserMetadata kind, Random random)
    {
        var segmentNames = Names(FeatureKeys.Segment, Enumerable.Range(0, users.ClusterCount).Select(k => k.ToString()));
        var ageNames = Names(FeatureKeys.Age, AgeBuckets.Names);
        var occupationNames = Names(FeatureKeys.Occupation, MovieLens1MOccupations.Names);
        // Drawn only for demographics, so data sets with segments stay as they were for a seed.
        var segmentOccupations = kind == SyntheticUserMetadata.Demographics
            ? Enumerable.Range(0, users.ClusterCount)
                .Select(_ => Enumerable.Range(0, OccupationsPerSegment).Select(_ => random.Next(occupationNames.Length)).ToArray()).ToArray()
            : [];
        string[] genderNames = [$"{FeatureKeys.Gender}=F", $"{FeatureKeys.Gender}=M"];

        Span<float> genderAxis = stackalloc float[rank];
        Span<float> ageAxis = stackalloc float[rank];
        LatentClusters.FillUnitGaussian(genderAxis, random);
        LatentClusters.FillUnitGaussian(ageAxis, random);
        // How sharply gender follows its latent direction (the logit is this times a cosine) and how loosely age
        // does; MovieLens-style demographics are made weak, as real ones are (LightFM gets 0.99–1.08× popularity).
        var (genderSharpness, ageNoise) = kind == SyntheticUserMetadata.Segments ? (8f, 0.1) : (3f, 0.3);
        var ageBucket = AgeBucketsAlong(users, ageAxis, ageNoise, random);

        var features = new Dictionary<int, string[]>(users.Count);
        for (var u = 0; u < users.Count; u++)
        {
            var femaleChance = 1.0 / (1.0 + Math.Exp(-genderSharpness * TensorPrimitives.Dot(users.Vector(u), genderAxis)));
            var gender = random.NextDouble() < femaleChance ? genderNames[0] : genderNames[1];
            var segment = users.ClusterOf[u];
            features[u + 1] = kind == SyntheticUserMetadata.Segments
                ? [segmentNames[segment], gender, ageNames[ageBucket[u]]]
                : [gender, ageNames[ageBucket[u]], occupationNames[Occupation(segmentOccupations[segment], occupationNames.Length, random)]];
        }
        return features;
    }

    private static int Occupation(int[] segmentOccupations, int occupations, Random random) =>
        random.NextDouble() < SegmentOccupationChance ? segmentOccupations[random.Next(segmentOccupations.Length)] : random.Next(occupations);

    public static Dictionary<int, string[]> ItemFeatures(LatentClusters items, Random random)
    {
        var genreNames = Names(FeatureKeys.Genre, Enumerable.Range(0, items.ClusterCount).Select(g => g.ToString()));
        var features = new Dictionary<int, string[]>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var genre = items.ClusterOf[i];
            // A second genre, when given, is the one the item's vector leans towards most.
            features[i + 1] = items.ClusterCount > 1 && random.NextDouble() < SecondGenreChance
                ? [genreNames[genre], genreNames[items.NearestOtherCluster(i, genre)]]
                : [genreNames[genre]];
        }
        return features;
    }

    /// <summary>Ranks users along a latent direction (plus noise) and cuts the ranking at the age shares.</summary>
    private static int[] AgeBucketsAlong(LatentClusters users, ReadOnlySpan<float> axis, double noise, Random random)
    {
        var keys = new double[users.Count];
        var order = new int[users.Count];
        for (var u = 0; u < users.Count; u++)
        {
            keys[u] = TensorPrimitives.Dot(users.Vector(u), axis) + noise * random.NextGaussian();
            order[u] = u;
        }
        Array.Sort(keys, order);

        var bucketOf = new int[users.Count];
        var bucket = 0;
        var bucketEnd = AgeShares[0];
        for (var position = 0; position < order.Length; position++)
        {
            while (bucket < AgeShares.Length - 1 && position >= bucketEnd * order.Length) bucketEnd += AgeShares[++bucket];
            bucketOf[order[position]] = bucket;
        }
        return bucketOf;
    }

    private static string[] Names(string key, IEnumerable<string> values) => values.Select(value => $"{key}={value}").ToArray();
}
