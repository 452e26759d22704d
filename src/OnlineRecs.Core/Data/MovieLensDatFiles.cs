using System.Text;

namespace OnlineRecs.Core.Data;

/// <summary>The <c>::</c>-separated metadata files that MovieLens 1M and 10M share: <c>movies.dat</c> and <c>tags.dat</c>.</summary>
internal static class MovieLensDatFiles
{
    public const string RatingsFile = "ratings.dat";
    public const string MoviesFile = "movies.dat";
    public const string TagsFile = "tags.dat";
    public const string Separator = "::";

    /// <summary>Reads <c>MovieID::Title::Genres</c> lines.</summary>
    public static void ReadMovies(string path, Encoding encoding, MovieMetadataBuilder movies)
    {
        foreach (var (line, text) in TextLines.Read(path, encoding))
        {
            var fields = text.Split(Separator);
            if (fields.Length != 3) throw FieldParser.WrongFieldCount("3 fields (MovieID::Title::Genres)", fields.Length, path, line);
            movies.AddMovie(FieldParser.ParseId(fields[0], "movie id", path, line), fields[1], fields[2]);
        }
    }

    /// <summary>Reads <c>UserID::MovieID::Tag::Timestamp</c> lines; a tag may itself contain the separator.</summary>
    public static void ReadTags(string path, Encoding encoding, MovieMetadataBuilder movies)
    {
        foreach (var (line, text) in TextLines.Read(path, encoding))
        {
            var fields = text.Split(Separator);
            if (fields.Length < 4) throw FieldParser.WrongFieldCount("4 fields (UserID::MovieID::Tag::Timestamp)", fields.Length, path, line);
            FieldParser.ParseId(fields[0], "user id", path, line);
            var movie = FieldParser.ParseId(fields[1], "movie id", path, line);
            FieldParser.ParseTimestamp(fields[^1], path, line);
            movies.AddTag(movie, string.Join(Separator, fields[2..^1]));
        }
    }
}
