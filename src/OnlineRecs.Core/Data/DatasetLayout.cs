namespace OnlineRecs.Core.Data;

/// <summary>Where a data set lives and which format its files follow, as told by the files present.</summary>
internal sealed record DatasetLayout(string Format, string Folder, string RatingsFile, string Name)
{
    private const string KnownLayouts =
        $"{MovieLens100KReader.RatingsFile} (ml-100k), {MovieLensDatFiles.RatingsFile} with {MovieLens1MReader.UsersFile} (ml-1m) or without it (ml-10m), " +
        $"{MovieLensLatestReader.RatingsFile} with header '{MovieLensLatestReader.RatingsHeader}' and {MovieLensLatestReader.MoviesFile} (ml-latest), " +
        $"or any other {GenericCsvReader.RatingsFile} (csv)";

    /// <summary>Detects the layout of a folder, or of a single ratings CSV file.</summary>
    public static DatasetLayout Detect(string path)
    {
        var fullPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (File.Exists(fullPath)) return ForFile(fullPath);
        if (!Directory.Exists(fullPath)) throw new FileNotFoundException($"No data set file or folder at '{path}'.", path);

        var name = Path.GetFileName(fullPath);
        string In(string file) => Path.Combine(fullPath, file);
        if (File.Exists(In(MovieLens100KReader.RatingsFile)))
            return new(DatasetFormats.MovieLens100K, fullPath, In(MovieLens100KReader.RatingsFile), name);
        if (File.Exists(In(MovieLensDatFiles.RatingsFile)))
        {
            var format = File.Exists(In(MovieLens1MReader.UsersFile)) ? DatasetFormats.MovieLens1M : DatasetFormats.MovieLens10M;
            return new(format, fullPath, In(MovieLensDatFiles.RatingsFile), name);
        }
        if (File.Exists(In(MovieLensLatestReader.RatingsFile)))
        {
            var ratings = In(MovieLensLatestReader.RatingsFile);
            var format = IsMovieLensLatest(ratings) ? DatasetFormats.MovieLensLatest : DatasetFormats.GenericCsv;
            return new(format, fullPath, ratings, name);
        }
        throw new FileNotFoundException($"No known data set layout in '{path}': looked for {KnownLayouts}.");
    }

    /// <summary>A file is generic CSV unless it is the ratings.csv of a MovieLens CSV folder.</summary>
    private static DatasetLayout ForFile(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        return Path.GetFileName(file) == MovieLensLatestReader.RatingsFile && IsMovieLensLatest(file)
            ? new(DatasetFormats.MovieLensLatest, folder, file, Path.GetFileName(folder))
            : new(DatasetFormats.GenericCsv, folder, file, Path.GetFileNameWithoutExtension(file));
    }

    private static bool IsMovieLensLatest(string ratingsFile)
    {
        var folder = Path.GetDirectoryName(ratingsFile)!;
        if (!File.Exists(Path.Combine(folder, MovieLensLatestReader.MoviesFile))) return false;
        var header = File.ReadLines(ratingsFile).FirstOrDefault();
        return header?.Trim() == MovieLensLatestReader.RatingsHeader;
    }
}
