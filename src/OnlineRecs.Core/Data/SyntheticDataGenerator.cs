using System.Numerics.Tensors;

namespace OnlineRecs.Core.Data;

/// <summary>
/// Generates a rating data set with planted low-rank structure: each user draws distinct items
/// with probability ∝ popularity(item) × exp(strength × cosine(user, item)), item popularity is
/// Zipf-like, user activity heavy-tailed, timestamps strictly increase in file order, ratings
/// 1–5 rise with the cosine, and user and item metadata reflect the latent vectors.
/// Deterministic for a seed.
/// </summary>
public sealed class SyntheticDataGenerator(SyntheticDataOptions options)
{
    private const double UserSpread = 0.8;
    private const double ItemSpread = 0.8;
    private const long StartTime = 1_577_836_800; // 2020-01-01T00:00:00Z
    private const int MaxSecondsBetweenEvents = 60;
    private const double RatingBase = 3.0;
    private const double RatingPerCosine = 3.0;
    private const double UserBiasSpread = 0.35;
    private const double RatingNoise = 0.5;

    public SyntheticData Generate()
    {
        options.Validate();
        var random = new Random(options.Seed);
        var users = new LatentClusters(options.UserSegments, options.Users, options.Rank, UserSpread, random);
        var items = new LatentClusters(options.ItemGenres, options.Items, options.Rank, ItemSpread, random);
        var popularity = new AliasTable(ZipfWeights(options.Items, options.PopularityExponent, random));

        var counts = UserActivity.Allocate(options.Users, options.Interactions, options.MaxInteractionsPerUser, random);
        var firstOfUser = new int[options.Users + 1];
        for (var u = 0; u < options.Users; u++) firstOfUser[u + 1] = firstOfUser[u] + counts[u];
        var chosenItems = DrawItems(users, items, popularity, counts, firstOfUser, random);
        var ratings = InterleaveInTime(users, items, counts, firstOfUser, chosenItems, random);

        var dataset = new RatingDataset
        {
            Name = $"synthetic-{options.Users}x{options.Items}-seed{options.Seed}",
            Format = DatasetFormats.Synthetic,
            Ratings = ratings,
            UserFeatures = SyntheticMetadata.UserFeatures(users, options.Rank, options.UserMetadata, random),
            ItemFeatures = SyntheticMetadata.ItemFeatures(items, random),
        };
        return new SyntheticData(dataset, new PlantedFactors(options.Rank, users.Vectors, items.Vectors));
    }

    /// <summary>Weights r^-exponent over popularity ranks, assigned to items in random order.</summary>
    private static double[] ZipfWeights(int items, double exponent, Random random)
    {
        var ranks = new int[items];
        for (var i = 0; i < items; i++) ranks[i] = i + 1;
        random.Shuffle(ranks);
        var weights = new double[items];
        for (var i = 0; i < items; i++) weights[i] = Math.Pow(ranks[i], -exponent);
        return weights;
    }

    /// <summary>
    /// For each user, draws distinct items by rejection: propose by popularity, accept with
    /// exp(strength × (cosine − 1)), which is at most 1 since both vectors have unit length.
    /// </summary>
    private int[] DrawItems(LatentClusters users, LatentClusters items, AliasTable popularity, int[] counts, int[] firstOfUser, Random random)
    {
        var chosen = new int[options.Interactions];
        var lastChosenBy = new int[options.Items];
        Array.Fill(lastChosenBy, -1);
        var strength = options.PreferenceStrength;
        for (var u = 0; u < options.Users; u++)
        {
            var user = users.Vector(u);
            for (var k = firstOfUser[u]; k < firstOfUser[u] + counts[u];)
            {
                var item = popularity.Sample(random);
                if (lastChosenBy[item] == u) continue;
                var cosine = TensorPrimitives.Dot(user, items.Vector(item));
                if (random.NextDouble() >= Math.Exp(strength * (cosine - 1.0))) continue;
                lastChosenBy[item] = u;
                chosen[k++] = item;
            }
        }
        return chosen;
    }

    /// <summary>Orders all users' draws in one shuffled stream with increasing timestamps and rates each.</summary>
    private Rating[] InterleaveInTime(LatentClusters users, LatentClusters items, int[] counts, int[] firstOfUser, int[] chosenItems, Random random)
    {
        var userOfEvent = new int[options.Interactions];
        for (var u = 0; u < options.Users; u++) userOfEvent.AsSpan(firstOfUser[u], counts[u]).Fill(u);
        random.Shuffle(userOfEvent);

        var userBias = new double[options.Users];
        for (var u = 0; u < options.Users; u++) userBias[u] = UserBiasSpread * random.NextGaussian();

        var nextOfUser = firstOfUser[..^1];
        var ratings = new Rating[options.Interactions];
        var time = StartTime;
        for (var e = 0; e < ratings.Length; e++)
        {
            var u = userOfEvent[e];
            var item = chosenItems[nextOfUser[u]++];
            var cosine = TensorPrimitives.Dot(users.Vector(u), items.Vector(item));
            var raw = RatingBase + RatingPerCosine * cosine + userBias[u] + RatingNoise * random.NextGaussian();
            time += 1 + random.Next(MaxSecondsBetweenEvents);
            ratings[e] = new Rating(u + 1, item + 1, (float)Math.Clamp(Math.Round(raw), 1.0, 5.0), time);
        }
        return ratings;
    }
}
