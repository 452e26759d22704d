using System.Text;

namespace OnlineRecs.Core.Data;

/// <summary>Reads MovieLens 10M: half-star <c>ratings.dat</c>, <c>movies.dat</c> and <c>tags.dat</c> (UTF-8), no user data.</summary>
internal static class MovieLens10MReader
{
    public static RatingDataset Read(string folder, string name)
    {
        var ratings = RatingsFileReader.Read(Path.Combine(folder, MovieLensDatFiles.RatingsFile), RatingLineFormat.MovieLens10M);
        var movies = new MovieMetadataBuilder();
        var moviesPath = Path.Combine(folder, MovieLensDatFiles.MoviesFile);
        if (File.Exists(moviesPath)) MovieLensDatFiles.ReadMovies(moviesPath, Encoding.UTF8, movies);
        var tagsPath = Path.Combine(folder, MovieLensDatFiles.TagsFile);
        if (File.Exists(tagsPath)) MovieLensDatFiles.ReadTags(tagsPath, Encoding.UTF8, movies);
        return new RatingDataset
        {
            Name = name,
            Format = DatasetFormats.MovieLens10M,
            Ratings = ratings,
            ItemFeatures = movies.BuildFeatures(),
            ItemTitles = movies.Titles,
        };
    }
}
