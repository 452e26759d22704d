using System.Text;

namespace OnlineRecs.Core.Data;

/// <summary>Reads the CSV layout of MovieLens 20M, 25M and latest: <c>ratings.csv</c>, <c>movies.csv</c>, <c>tags.csv</c>.</summary>
internal static class MovieLensLatestReader
{
    public const string RatingsFile = "ratings.csv";
    public const string MoviesFile = "movies.csv";
    public const string RatingsHeader = "userId,movieId,rating,timestamp";
    private const string TagsFile = "tags.csv";

    public static RatingDataset Read(string folder, string name)
    {
        var ratings = RatingsFileReader.Read(Path.Combine(folder, RatingsFile), RatingLineFormat.MovieLensLatest);
        var movies = new MovieMetadataBuilder();
        ReadMovies(Path.Combine(folder, MoviesFile), movies);
        var tagsPath = Path.Combine(folder, TagsFile);
        if (File.Exists(tagsPath)) ReadTags(tagsPath, movies);
        return new RatingDataset
        {
            Name = name,
            Format = DatasetFormats.MovieLensLatest,
            Ratings = ratings,
            ItemFeatures = movies.BuildFeatures(),
            ItemTitles = movies.Titles,
        };
    }

    private static void ReadMovies(string path, MovieMetadataBuilder movies)
    {
        foreach (var (line, text) in TextLines.Read(path, Encoding.UTF8))
        {
            var fields = CsvLine.Split(text, path, line);
            if (line == 1 && HeaderLine.IsHeader(fields[0])) continue;
            if (fields.Count != 3) throw FieldParser.WrongFieldCount("3 fields (movieId,title,genres)", fields.Count, path, line);
            movies.AddMovie(FieldParser.ParseId(fields[0], "movie id", path, line), fields[1], fields[2]);
        }
    }

    private static void ReadTags(string path, MovieMetadataBuilder movies)
    {
        foreach (var (line, text) in TextLines.Read(path, Encoding.UTF8))
        {
            var fields = CsvLine.Split(text, path, line);
            if (line == 1 && HeaderLine.IsHeader(fields[0])) continue;
            if (fields.Count != 4) throw FieldParser.WrongFieldCount("4 fields (userId,movieId,tag,timestamp)", fields.Count, path, line);
            FieldParser.ParseId(fields[0], "user id", path, line);
            var movie = FieldParser.ParseId(fields[1], "movie id", path, line);
            FieldParser.ParseTimestamp(fields[3], path, line);
            movies.AddTag(movie, fields[2]);
        }
    }
}
