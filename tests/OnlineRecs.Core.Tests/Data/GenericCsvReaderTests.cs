using OnlineRecs.Core.Data;

namespace OnlineRecs.Core.Tests.Data;

public sealed class GenericCsvReaderTests
{
    [Fact]
    public void Folder_reads_any_finite_rating_and_feature_files()
    {
        var dataset = DatasetReader.Read(SharedData.Fixture("csv"));

        Assert.Equal(DatasetFormats.GenericCsv, dataset.Format);
        Assert.Equal([4.25f, -1f, 2f], dataset.Ratings.Select(r => r.Value));
        Assert.Equal(["gender=F", "segment=2"], dataset.UserFeatures[5]);
        Assert.Equal(["genre=Drama"], dataset.ItemFeatures[7]);
        Assert.Equal("Hello, World", dataset.ItemTitles[7]);
    }

    [Fact]
    public void Single_file_without_header_or_timestamps_reads()
    {
        using var folder = new TempFolder();
        var file = folder.Write("plays.csv", "1,2,3\n4,5,0.5\n");

        var dataset = DatasetReader.Read(file);

        Assert.Equal("plays", dataset.Name);
        Assert.Equal([new Rating(1, 2, 3f, 0), new Rating(4, 5, 0.5f, 0)], dataset.Ratings);
    }

    [Fact]
    public void Ratings_parse_exactly_like_the_general_float_parser()
    {
        string[] texts = ["4", "3.5", "0.1", "1234567", "2.000001", "0.3333333", "12345678.5", ".5", "1e-3", "+2", " 3 "];
        using var folder = new TempFolder();
        var file = folder.Write("r.csv", string.Concat(texts.Select(text => $"1,1,{text}\n")));

        var ratings = DatasetReader.Read(file).Ratings;

        Assert.Equal(texts.Select(text => float.Parse(text, System.Globalization.CultureInfo.InvariantCulture)), ratings.Select(r => r.Value));
    }
}
