using OnlineRecs.Core.Data;

namespace OnlineRecs.Core.Tests.Data;

public sealed class MovieLensReaderTests
{
    [Fact]
    public void MovieLens100K_reads_ratings_genre_flags_and_raw_ages()
    {
        var dataset = DatasetReader.Read(SharedData.Fixture("ml-100k"));

        Assert.Equal(DatasetFormats.MovieLens100K, dataset.Format);
        Assert.Equal(4, dataset.Ratings.Length);
        Assert.Equal(new Rating(2, 10, 4f, 891717742), dataset.Ratings[2]);
        Assert.Equal(["genre=Animation", "genre=Children's", "genre=Comedy", "year=1995-1999",
            "genre=Animation&year=1995-1999", "genre=Children's&year=1995-1999", "genre=Comedy&year=1995-1999"], dataset.ItemFeatures[10]);
        Assert.Equal("Cité des enfants perdus, La (1995)", dataset.ItemTitles[20]);
        Assert.DoesNotContain(dataset.ItemFeatures.GetValueOrDefault(30, []), f => f.StartsWith("genre=", StringComparison.Ordinal));
        Assert.Equal(["gender=M", "age=18-24", "occupation=technician"], dataset.UserFeatures[1]);
        Assert.Equal(["gender=F", "age=50-55", "occupation=other"], dataset.UserFeatures[2]);
        Assert.Equal("age=under 18", dataset.UserFeatures[3][1]);
    }

    [Fact]
    public void MovieLens1M_maps_age_and_occupation_codes()
    {
        var dataset = DatasetReader.Read(SharedData.Fixture("ml-1m"));

        Assert.Equal(DatasetFormats.MovieLens1M, dataset.Format);
        Assert.Equal(5, dataset.Ratings.Length);
        Assert.Equal(new Rating(1, 661, 3f, 978302109), dataset.Ratings[1]);
        Assert.Equal(["gender=F", "age=under 18", "occupation=K-12 student"], dataset.UserFeatures[1]);
        Assert.Equal(["gender=M", "age=56+", "occupation=self-employed"], dataset.UserFeatures[2]);
        Assert.Equal(["gender=M", "age=25-34", "occupation=scientist"], dataset.UserFeatures[3]);
        Assert.Equal(["genre=Drama", "year=1970s", "genre=Drama&year=1970s"], dataset.ItemFeatures[1193]);
        Assert.Equal(["genre=Musical", "genre=Romance", "year=1960s", "genre=Musical&year=1960s", "genre=Romance&year=1960s"],
            dataset.ItemFeatures[914]);
        Assert.Equal("One Flew Over the Cuckoo's Nest (1975)", dataset.ItemTitles[1193]);
    }

    [Fact]
    public void MovieLens10M_reads_half_stars_and_normalizes_tags()
    {
        var dataset = DatasetReader.Read(SharedData.Fixture("ml-10m"));

        Assert.Equal(DatasetFormats.MovieLens10M, dataset.Format);
        Assert.Equal([5f, 4.5f, 0.5f], dataset.Ratings.Select(r => r.Value));
        Assert.Empty(dataset.UserFeatures);
        // Two spellings of one tag collapse into a single feature; both applications count in the tag-count bucket,
        // which, like each genre, is crossed with the year bucket.
        Assert.Equal(["genre=Comedy", "genre=Romance", "year=1990-1994", "tag=eddie murphy", "tagged=2-3", "tagged=2-3&year=1990-1994",
            "genre=Comedy&year=1990-1994", "genre=Romance&year=1990-1994"], dataset.ItemFeatures[122]);
        Assert.Equal(["genre=Action", "genre=Crime", "genre=Thriller", "year=1995-1999", "tag=hacker", "tagged=1", "tagged=1&year=1995-1999",
            "genre=Action&year=1995-1999", "genre=Crime&year=1995-1999", "genre=Thriller&year=1995-1999"], dataset.ItemFeatures[185]);
        Assert.Equal("Net, The (1995)", dataset.ItemTitles[185]);
    }

    [Fact]
    public void MovieLensLatest_reads_quoted_titles_and_tags_with_crlf_endings()
    {
        var dataset = DatasetReader.Read(SharedData.Fixture("ml-latest"));

        Assert.Equal(DatasetFormats.MovieLensLatest, dataset.Format);
        Assert.Equal(4, dataset.Ratings.Length);
        Assert.Equal(new Rating(1, 11, 3.5f, 964981247), dataset.Ratings[1]);
        Assert.Equal("American President, The (1995)", dataset.ItemTitles[11]);
        Assert.Equal("The \"Quoted\" Movie (1983)", dataset.ItemTitles[200]);
        Assert.Equal(["year=1980-1984"], dataset.ItemFeatures[200]);
        Assert.Equal(["genre=Sci-Fi"], dataset.ItemFeatures[300]);
        Assert.Contains("tag=pixar, animated", dataset.ItemFeatures[1]);
        Assert.Contains("tag=\"politics\"", dataset.ItemFeatures[11]);
        Assert.Equal(4, dataset.ItemTitles.Count);
    }
}
