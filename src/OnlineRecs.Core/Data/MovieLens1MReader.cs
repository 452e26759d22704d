using System.Text;

namespace OnlineRecs.Core.Data;

/// <summary>Reads MovieLens 1M: <c>ratings.dat</c>, <c>movies.dat</c> and <c>users.dat</c> (latin-1), whose age and occupation are codes.</summary>
internal static class MovieLens1MReader
{
    public const string UsersFile = "users.dat";

    public static RatingDataset Read(string folder, string name)
    {
        var ratings = RatingsFileReader.Read(Path.Combine(folder, MovieLensDatFiles.RatingsFile), RatingLineFormat.MovieLens1M);
        var movies = new MovieMetadataBuilder();
        var moviesPath = Path.Combine(folder, MovieLensDatFiles.MoviesFile);
        if (File.Exists(moviesPath)) MovieLensDatFiles.ReadMovies(moviesPath, Encoding.Latin1, movies);
        var users = new UserMetadataBuilder();
        ReadUsers(Path.Combine(folder, UsersFile), users);
        return new RatingDataset
        {
            Name = name,
            Format = DatasetFormats.MovieLens1M,
            Ratings = ratings,
            UserFeatures = users.BuildFeatures(),
            ItemFeatures = movies.BuildFeatures(),
            ItemTitles = movies.Titles,
        };
    }

    /// <summary>Reads <c>UserID::Gender::Age::Occupation::Zip-code</c> lines.</summary>
    private static void ReadUsers(string path, UserMetadataBuilder users)
    {
        foreach (var (line, text) in TextLines.Read(path, Encoding.Latin1))
        {
            var fields = text.Split(MovieLensDatFiles.Separator);
            if (fields.Length != 5) throw FieldParser.WrongFieldCount("5 fields (UserID::Gender::Age::Occupation::Zip-code)", fields.Length, path, line);
            var id = FieldParser.ParseId(fields[0], "user id", path, line);
            var ageCode = FieldParser.ParseInt(fields[2], "age code", path, line);
            if (!AgeBuckets.TryForMovieLens1MCode(ageCode, out var age))
                throw new DataFormatException(path, line, $"age code {ageCode} is not one of 1, 18, 25, 35, 45, 50, 56");
            var occupationCode = FieldParser.ParseInt(fields[3], "occupation code", path, line);
            if (!MovieLens1MOccupations.TryGetName(occupationCode, out var occupation))
                throw new DataFormatException(path, line, $"occupation code {occupationCode} is not between 0 and 20");
            users.AddUser(id, fields[1], age, occupation, path, line);
        }
    }
}
