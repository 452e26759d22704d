using OnlineRecs.Core.Data;

namespace OnlineRecs.Core.Tests.Data;

public sealed class MovieLensSmallTests
{
    private static readonly Lazy<RatingDataset> Dataset = new(() => DatasetReader.Read(SharedData.MovieLensSmallPath));

    [Fact]
    public void Counts_match_the_published_figures()
    {
        var dataset = Dataset.Value;

        Assert.Equal(DatasetFormats.MovieLensLatest, dataset.Format);
        Assert.Equal("ml-latest-small", dataset.Name);
        Assert.Equal(100_836, dataset.Ratings.Length);
        Assert.Equal(610, dataset.Ratings.Select(r => r.UserId).Distinct().Count());
        Assert.Equal(9_724, dataset.Ratings.Select(r => r.ItemId).Distinct().Count());
        Assert.Equal(9_742, dataset.ItemTitles.Count);
    }

    [Fact]
    public void Toy_Story_has_its_genres_year_and_tags()
    {
        var dataset = Dataset.Value;

        Assert.Equal("Toy Story (1995)", dataset.ItemTitles[1]);
        Assert.Contains("genre=Comedy", dataset.ItemFeatures[1]);
        Assert.Contains("genre=Animation", dataset.ItemFeatures[1]);
        Assert.Contains("year=1995-1999", dataset.ItemFeatures[1]);
        Assert.Contains("tag=pixar", dataset.ItemFeatures[1]);
        Assert.Equal(new Rating(1, 1, 4f, 964982703), dataset.Ratings[0]);
    }

    [Fact]
    public void No_genres_listed_is_not_a_genre_and_ratings_are_half_stars()
    {
        var dataset = Dataset.Value;

        Assert.DoesNotContain(dataset.ItemFeatures.Values.SelectMany(f => f), f => f.Contains("no genres", StringComparison.Ordinal));
        Assert.All(dataset.Ratings, r => Assert.True(r.Value is >= 0.5f and <= 5f && r.Value * 2 == MathF.Round(r.Value * 2)));
    }
}
