using OnlineRecs.Core.Data;

namespace OnlineRecs.Core.Tests.Data;

public sealed class SyntheticDataWriterTests
{
    [Fact]
    public void Generated_data_reads_back_identically()
    {
        var original = new SyntheticDataGenerator(new SyntheticDataOptions { Users = 200, Items = 300, Interactions = 5_000, Seed = 3 }).Generate().Dataset;
        using var folder = new TempFolder();

        SyntheticDataWriter.Write(original, folder.Path);
        var read = DatasetReader.Read(folder.Path);

        Assert.Equal(DatasetFormats.GenericCsv, read.Format);
        AssertSameContent(original, read);
    }

    [Fact]
    public void Fractional_ratings_titles_with_commas_and_quoted_features_round_trip()
    {
        var original = new RatingDataset
        {
            Name = "hand-made",
            Format = DatasetFormats.GenericCsv,
            Ratings = [new Rating(3, 9, 0.1f, 5), new Rating(4, 9, -2.75f, 1_700_000_000_000), new Rating(3, 10, 1f / 3f, 6)],
            UserFeatures = new Dictionary<int, string[]> { [3] = ["gender=F", "note=a, \"b\""], [4] = ["title=user feature"] },
            ItemFeatures = new Dictionary<int, string[]> { [9] = ["genre=Drama", "tag=dark comedy"] },
            ItemTitles = new Dictionary<int, string> { [9] = "Hello, \"World\" (1999)", [10] = "" },
        };
        using var folder = new TempFolder();

        SyntheticDataWriter.Write(original, folder.Path);

        AssertSameContent(original, DatasetReader.Read(folder.Path));
    }

    [Fact]
    public void Item_feature_that_would_read_back_as_a_title_is_refused()
    {
        var dataset = new RatingDataset
        {
            Name = "bad",
            Format = DatasetFormats.GenericCsv,
            Ratings = [new Rating(1, 1, 1f, 1)],
            ItemFeatures = new Dictionary<int, string[]> { [1] = ["title=oops"] },
        };
        using var folder = new TempFolder();

        Assert.Throws<ArgumentException>(() => SyntheticDataWriter.Write(dataset, folder.Path));
    }

    private static void AssertSameContent(RatingDataset expected, RatingDataset actual)
    {
        Assert.Equal(expected.Ratings, actual.Ratings);
        AssertSameTable(expected.UserFeatures, actual.UserFeatures);
        AssertSameTable(expected.ItemFeatures, actual.ItemFeatures);
        Assert.Equal(expected.ItemTitles.OrderBy(p => p.Key), actual.ItemTitles.OrderBy(p => p.Key));
    }

    private static void AssertSameTable(IReadOnlyDictionary<int, string[]> expected, IReadOnlyDictionary<int, string[]> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.All(expected, pair => Assert.Equal(pair.Value, actual[pair.Key]));
    }
}
