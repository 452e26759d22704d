using System.Text;

namespace OnlineRecs.Core.Data;

/// <summary>Reads MovieLens 100K: <c>u.data</c> ratings, <c>u.item</c> movies with genre flags, <c>u.user</c> demographics.</summary>
internal static class MovieLens100KReader
{
    public const string RatingsFile = "u.data";
    private const string ItemsFile = "u.item";
    private const string UsersFile = "u.user";
    private const int ItemFieldsBeforeGenres = 5;

    // The genre flag columns of u.item, in the order of u.genre.
    private static readonly string[] GenreColumns =
    [
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama",
        "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ];

    public static RatingDataset Read(string folder, string name)
    {
        var ratings = RatingsFileReader.Read(Path.Combine(folder, RatingsFile), RatingLineFormat.MovieLens100K);
        var movies = new MovieMetadataBuilder();
        var itemsPath = Path.Combine(folder, ItemsFile);
        if (File.Exists(itemsPath)) ReadItems(itemsPath, movies);
        var users = new UserMetadataBuilder();
        var usersPath = Path.Combine(folder, UsersFile);
        if (File.Exists(usersPath)) ReadUsers(usersPath, users);
        return new RatingDataset
        {
            Name = name,
            Format = DatasetFormats.MovieLens100K,
            Ratings = ratings,
            UserFeatures = users.BuildFeatures(),
            ItemFeatures = movies.BuildFeatures(),
            ItemTitles = movies.Titles,
        };
    }

    private static void ReadItems(string path, MovieMetadataBuilder movies)
    {
        var expected = ItemFieldsBeforeGenres + GenreColumns.Length;
        foreach (var (line, text) in TextLines.Read(path, Encoding.Latin1))
        {
            var fields = text.Split('|');
            if (fields.Length != expected)
                throw FieldParser.WrongFieldCount($"{expected} fields (id|title|release date|video release date|IMDb URL|19 genre flags)", fields.Length, path, line);
            var id = FieldParser.ParseId(fields[0], "movie id", path, line);
            // "unknown" is the flag of movies without a genre, not a genre of its own.
            for (var genre = 1; genre < GenreColumns.Length; genre++)
            {
                var flag = fields[ItemFieldsBeforeGenres + genre];
                if (flag is not ("0" or "1"))
                    throw new DataFormatException(path, line, $"genre flag '{flag}' for {GenreColumns[genre]} is not 0 or 1");
                if (flag == "1") movies.AddGenre(id, GenreColumns[genre]);
            }
            movies.AddTitle(id, fields[1]);
        }
    }

    private static void ReadUsers(string path, UserMetadataBuilder users)
    {
        foreach (var (line, text) in TextLines.Read(path, Encoding.Latin1))
        {
            var fields = text.Split('|');
            if (fields.Length != 5) throw FieldParser.WrongFieldCount("5 fields (id|age|gender|occupation|zip)", fields.Length, path, line);
            var id = FieldParser.ParseId(fields[0], "user id", path, line);
            var age = FieldParser.ParseInt(fields[1], "age", path, line);
            users.AddUser(id, fields[2], AgeBuckets.ForAge(age), fields[3], path, line);
        }
    }
}
