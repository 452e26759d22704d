using OnlineRecs.Core.Data;

namespace OnlineRecs.Core.Tests.Data;

public sealed class SyntheticDataGeneratorTests
{
    private static readonly SyntheticDataOptions Options = new() { Users = 800, Items = 1_500, Interactions = 60_000, Seed = 7 };
    private static readonly Lazy<SyntheticData> Generated = new(() => new SyntheticDataGenerator(Options).Generate());

    [Fact]
    public void Same_seed_gives_the_same_data_and_another_seed_does_not()
    {
        var small = Options with { Interactions = 5_000 };
        var first = new SyntheticDataGenerator(small).Generate().Dataset;
        var again = new SyntheticDataGenerator(small).Generate().Dataset;
        var other = new SyntheticDataGenerator(small with { Seed = 8 }).Generate().Dataset;

        Assert.Equal(first.Ratings, again.Ratings);
        Assert.All(first.UserFeatures, pair => Assert.Equal(pair.Value, again.UserFeatures[pair.Key]));
        Assert.All(first.ItemFeatures, pair => Assert.Equal(pair.Value, again.ItemFeatures[pair.Key]));
        Assert.NotEqual(first.Ratings, other.Ratings);
    }

    [Fact]
    public void Size_ids_ratings_and_time_are_as_asked()
    {
        var ratings = Generated.Value.Dataset.Ratings;

        Assert.Equal(Options.Interactions, ratings.Length);
        Assert.Equal(Options.Users, ratings.Select(r => r.UserId).Distinct().Count());
        Assert.All(ratings, r => Assert.True(r.UserId is >= 1 && r.UserId <= Options.Users && r.ItemId >= 1 && r.ItemId <= Options.Items));
        Assert.All(ratings, r => Assert.True(r.Value is 1f or 2f or 3f or 4f or 5f));
        Assert.Equal(ratings.Length, ratings.Select(r => (r.UserId, r.ItemId)).Distinct().Count());
        Assert.True(ratings.Zip(ratings.Skip(1)).All(pair => pair.First.Timestamp < pair.Second.Timestamp));
    }

    [Fact]
    public void Item_popularity_and_user_activity_are_heavy_tailed()
    {
        var ratings = Generated.Value.Dataset.Ratings;

        Assert.True(TopTenthShare(ratings.Select(r => r.ItemId)) > 0.4);
        Assert.True(TopTenthShare(ratings.Select(r => r.UserId)) > 0.3);
    }

    [Fact]
    public void Ratings_rise_with_the_planted_score()
    {
        var (dataset, factors) = Generated.Value;
        var scores = dataset.Ratings.Select(r => (double)factors.Score(r.UserId, r.ItemId)).ToArray();
        var values = dataset.Ratings.Select(r => (double)r.Value).ToArray();

        Assert.True(Correlation(scores, values) > 0.3);
    }

    [Fact]
    public void Users_choose_items_that_score_above_random_pairs()
    {
        var (dataset, factors) = Generated.Value;
        var random = new Random(1);
        var chosen = dataset.Ratings.Average(r => factors.Score(r.UserId, r.ItemId));
        var randomPairs = Enumerable.Range(0, 20_000).Average(_ => factors.Score(random.Next(1, Options.Users + 1), random.Next(1, Options.Items + 1)));

        Assert.True(chosen > randomPairs + 0.1);
    }

    [Fact]
    public void User_segments_prefer_some_genres_over_others()
    {
        var dataset = Generated.Value.Dataset;
        var genreCount = new Dictionary<string, int>();
        var pairCount = new Dictionary<(string Segment, string Genre), int>();
        var segmentCount = new Dictionary<string, int>();
        foreach (var rating in dataset.Ratings)
        {
            var segment = dataset.UserFeatures[rating.UserId].Single(f => f.StartsWith("segment=", StringComparison.Ordinal));
            var genre = dataset.ItemFeatures[rating.ItemId][0];
            genreCount[genre] = genreCount.GetValueOrDefault(genre) + 1;
            segmentCount[segment] = segmentCount.GetValueOrDefault(segment) + 1;
            pairCount[(segment, genre)] = pairCount.GetValueOrDefault((segment, genre)) + 1;
        }

        // Lift = P(genre | segment) / P(genre); metadata unrelated to taste would keep every lift near 1.
        var total = (double)dataset.Ratings.Length;
        var lifts = pairCount.Select(pair =>
            pair.Value / (double)segmentCount[pair.Key.Segment] / (genreCount[pair.Key.Genre] / total)).ToArray();
        Assert.True(lifts.Max() > 2.0);
        Assert.True(lifts.Min() < 0.5);
    }

    [Fact]
    public void Users_and_items_carry_the_promised_features()
    {
        var dataset = Generated.Value.Dataset;

        Assert.Equal(Options.Users, dataset.UserFeatures.Count);
        Assert.All(dataset.UserFeatures.Values, features => Assert.Equal(["segment=", "gender=", "age="], features.Select(f => f[..(f.IndexOf('=') + 1)])));
        Assert.Equal(Options.Items, dataset.ItemFeatures.Count);
        Assert.All(dataset.ItemFeatures.Values, features => Assert.All(features, f => Assert.StartsWith("genre=", f)));
        Assert.Equal(Options.ItemGenres, dataset.ItemFeatures.Values.SelectMany(f => f).Distinct().Count());
    }

    [Fact]
    public void Demographics_are_those_of_MovieLens_and_name_no_segment()
    {
        var dataset = new SyntheticDataGenerator(Options with { Interactions = 5_000, UserMetadata = SyntheticUserMetadata.Demographics }).Generate().Dataset;
        var occupations = MovieLens1MOccupations.Names.Select(name => $"occupation={name}").ToHashSet();

        Assert.All(dataset.UserFeatures.Values, features => Assert.Equal(["gender=", "age=", "occupation="], features.Select(f => f[..(f.IndexOf('=') + 1)])));
        Assert.All(dataset.UserFeatures.Values, features => Assert.Contains(features[2], occupations));
        Assert.True(dataset.UserFeatures.Values.Select(f => f[2]).Distinct().Count() > 10);
    }

    [Fact]
    public void Impossible_sizes_are_refused() =>
        Assert.Throws<ArgumentException>(() => new SyntheticDataGenerator(new SyntheticDataOptions { Users = 10, Items = 10, Interactions = 1_000 }).Generate());

    private static double TopTenthShare(IEnumerable<int> ids)
    {
        var counts = ids.GroupBy(id => id).Select(g => g.Count()).OrderDescending().ToArray();
        return counts.Take(Math.Max(1, counts.Length / 10)).Sum() / (double)counts.Sum();
    }

    private static double Correlation(double[] x, double[] y)
    {
        double meanX = x.Average(), meanY = y.Average();
        double covariance = 0, varianceX = 0, varianceY = 0;
        for (var k = 0; k < x.Length; k++)
        {
            covariance += (x[k] - meanX) * (y[k] - meanY);
            varianceX += (x[k] - meanX) * (x[k] - meanX);
            varianceY += (y[k] - meanY) * (y[k] - meanY);
        }
        return covariance / Math.Sqrt(varianceX * varianceY);
    }
}
