namespace OnlineRecs.Core.Data;

/// <summary>
/// Reads a rating data set from a folder or a single CSV file, telling the format
/// (MovieLens 100K, 1M, 10M, 20M/25M/latest or generic CSV) from the files present.
/// </summary>
public static class DatasetReader
{
    /// <summary>Reads the ratings and the metadata features of the data set at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">Nothing at the path, or a folder with no known layout.</exception>
    /// <exception cref="DataFormatException">A malformed line, or a ratings file without ratings.</exception>
    public static RatingDataset Read(string path)
    {
        var layout = DatasetLayout.Detect(path);
        return layout.Format switch
        {
            DatasetFormats.MovieLens100K => MovieLens100KReader.Read(layout.Folder, layout.Name),
            DatasetFormats.MovieLens1M => MovieLens1MReader.Read(layout.Folder, layout.Name),
            DatasetFormats.MovieLens10M => MovieLens10MReader.Read(layout.Folder, layout.Name),
            DatasetFormats.MovieLensLatest => MovieLensLatestReader.Read(layout.Folder, layout.Name),
            _ => GenericCsvReader.Read(layout.RatingsFile, layout.Name),
        };
    }

    /// <summary>The format name <see cref="Read"/> would report for <paramref name="path"/>, without reading the ratings.</summary>
    public static string DetectFormat(string path) => DatasetLayout.Detect(path).Format;
}
