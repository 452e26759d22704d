namespace OnlineRecs.Core.Data;

/// <summary>The format names <see cref="DatasetReader"/> reports in <see cref="RatingDataset.Format"/>.</summary>
public static class DatasetFormats
{
    public const string MovieLens100K = "ml-100k";
    public const string MovieLens1M = "ml-1m";
    public const string MovieLens10M = "ml-10m";

    /// <summary>The CSV layout of MovieLens 20M, 25M, latest and latest-small.</summary>
    public const string MovieLensLatest = "ml-latest";

    /// <summary><c>user,item,rating[,timestamp]</c> lines with optional <c>users.csv</c> and <c>items.csv</c> beside them.</summary>
    public const string GenericCsv = "csv";

    public const string Synthetic = "synthetic";
}
