using OnlineRecs.Core.Data;

namespace OnlineRecs.Core.Tests.Data;

public sealed class MalformedDataTests
{
    [Theory]
    [InlineData("1\t2\t3\n", "expected 4 fields")]
    [InlineData("x\t2\t3\t100\n", "user id 'x' is not an integer")]
    [InlineData("1\t0\t3\t100\n", "item id 0 is not between 1")]
    [InlineData("1\t99999999999\t3\t100\n", "item id 99999999999 is not between 1")]
    [InlineData("1\t2\tgood\t100\n", "rating 'good' is not a number")]
    [InlineData("1\t2\tNaN\t100\n", "rating NaN is not a finite number")]
    [InlineData("1\t2\t6\t100\n", "rating 6 is not a whole number from 1 to 5")]
    [InlineData("1\t2\t3.5\t100\n", "rating 3.5 is not a whole number from 1 to 5")]
    [InlineData("1\t2\t3\t1.5\n", "timestamp '1.5' is not an integer")]
    public void MovieLens100K_bad_second_line_names_file_line_and_problem(string badLine, string problem)
    {
        using var folder = new TempFolder();
        var file = folder.Write("u.data", "1\t1\t4\t100\n" + badLine);

        var error = Assert.Throws<DataFormatException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(file, error.File);
        Assert.Equal(2, error.Line);
        Assert.Contains(problem, error.Problem);
        Assert.Contains($"u.data:2: {problem}", error.Message);
    }

    [Theory]
    [InlineData("1,2,0.25,100", "not a multiple of 0.5 from 0.5 to 5")]
    [InlineData("1,2,0,100", "not a multiple of 0.5 from 0.5 to 5")]
    [InlineData("1,2,Infinity,100", "not a finite number")]
    [InlineData("1,2,4,100,7", "expected 4 fields")]
    public void MovieLensLatest_checks_half_stars(string badLine, string problem)
    {
        using var folder = new TempFolder();
        folder.Write("ratings.csv", $"userId,movieId,rating,timestamp\r\n1,1,4.0,100\r\n{badLine}\r\n");
        folder.Write("movies.csv", "movieId,title,genres\r\n1,X (2000),Drama\r\n");

        var error = Assert.Throws<DataFormatException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(3, error.Line);
        Assert.Contains(problem, error.Problem);
    }

    [Theory]
    [InlineData("1,2", "expected 3 or 4 fields")]
    [InlineData("1,2,nan", "not a finite number")]
    [InlineData("-3,2,1", "user id -3 is not between 1")]
    [InlineData("1,2,1,soon", "timestamp 'soon' is not an integer")]
    public void Generic_csv_checks_fields(string badLine, string problem)
    {
        using var folder = new TempFolder();
        var file = folder.Write("ratings.csv", $"1,1,1\n\n{badLine}\n");

        var error = Assert.Throws<DataFormatException>(() => DatasetReader.Read(file));

        Assert.Equal(3, error.Line);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void Bad_metadata_line_names_its_file_and_line()
    {
        using var folder = new TempFolder();
        folder.Write("ratings.dat", "1::1::4::100\n");
        folder.Write("movies.dat", "1::X (1990)::Drama\n");
        var users = folder.Write("users.dat", "1::F::1::10::48067\n1::F::7::10::48067\n");

        var error = Assert.Throws<DataFormatException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(users, error.File);
        Assert.Equal(2, error.Line);
        Assert.Contains("age code 7", error.Problem);
    }

    [Fact]
    public void Unclosed_quote_in_movies_csv_is_reported()
    {
        using var folder = new TempFolder();
        folder.Write("ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,100\n");
        folder.Write("movies.csv", "movieId,title,genres\n1,\"Broken, title (1990),Drama\n");

        var error = Assert.Throws<DataFormatException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(2, error.Line);
        Assert.Contains("not closed", error.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("user,item,rating\n")]
    [InlineData("\n\n")]
    public void Ratings_file_without_ratings_is_an_error(string content)
    {
        using var folder = new TempFolder();
        var file = folder.Write("ratings.csv", content);

        var error = Assert.Throws<DataFormatException>(() => DatasetReader.Read(file));

        Assert.Equal(file, error.File);
        Assert.Contains("no ratings", error.Problem);
    }
}
