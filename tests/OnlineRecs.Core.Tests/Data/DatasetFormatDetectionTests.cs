using OnlineRecs.Core.Data;

namespace OnlineRecs.Core.Tests.Data;

public sealed class DatasetFormatDetectionTests
{
    [Theory]
    [InlineData("ml-100k", DatasetFormats.MovieLens100K)]
    [InlineData("ml-1m", DatasetFormats.MovieLens1M)]
    [InlineData("ml-10m", DatasetFormats.MovieLens10M)]
    [InlineData("ml-latest", DatasetFormats.MovieLensLatest)]
    [InlineData("csv", DatasetFormats.GenericCsv)]
    public void Fixture_folders_are_told_apart(string folder, string format) =>
        Assert.Equal(format, DatasetReader.DetectFormat(SharedData.Fixture(folder)));

    [Fact]
    public void Ratings_csv_of_a_MovieLens_folder_given_as_a_file_is_MovieLens() =>
        Assert.Equal(DatasetFormats.MovieLensLatest, DatasetReader.DetectFormat(SharedData.Fixture("ml-latest", "ratings.csv")));

    [Fact]
    public void Movies_csv_beside_a_plain_header_does_not_make_MovieLens()
    {
        using var folder = new TempFolder();
        folder.Write("ratings.csv", "user,item,rating\n1,2,3\n");
        folder.Write("movies.csv", "movieId,title,genres\n2,X,Drama\n");

        Assert.Equal(DatasetFormats.GenericCsv, DatasetReader.DetectFormat(folder.Path));
    }

    [Fact]
    public void Folder_without_a_known_layout_names_what_was_looked_for()
    {
        using var folder = new TempFolder();
        folder.Write("notes.txt", "nothing here");

        var error = Assert.Throws<FileNotFoundException>(() => DatasetReader.Read(folder.Path));

        Assert.Contains("u.data", error.Message);
        Assert.Contains("ratings.dat", error.Message);
        Assert.Contains("ratings.csv", error.Message);
    }

    [Fact]
    public void Missing_path_is_reported() =>
        Assert.Throws<FileNotFoundException>(() => DatasetReader.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));
}
