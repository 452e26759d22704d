using System.Text;

namespace OnlineRecs.Core.Data;

/// <summary>
/// Reads <c>user,item,rating[,timestamp]</c> lines plus optional <c>users.csv</c> and
/// <c>items.csv</c> beside them, each holding <c>id,feature</c> lines; an item feature
/// <c>title=...</c> sets the item's title instead of becoming a feature.
/// </summary>
internal static class GenericCsvReader
{
    public const string RatingsFile = "ratings.csv";
    public const string UsersFile = "users.csv";
    public const string ItemsFile = "items.csv";
    public const string TitlePrefix = "title=";

    public static RatingDataset Read(string ratingsPath, string name)
    {
        var ratings = RatingsFileReader.Read(ratingsPath, RatingLineFormat.GenericCsv);
        var folder = Path.GetDirectoryName(Path.GetFullPath(ratingsPath))!;
        var userFeatures = new FeatureTableBuilder();
        var usersPath = Path.Combine(folder, UsersFile);
        if (File.Exists(usersPath)) ReadFeatures(usersPath, "user id", userFeatures, titles: null);
        var itemFeatures = new FeatureTableBuilder();
        var titles = new Dictionary<int, string>();
        var itemsPath = Path.Combine(folder, ItemsFile);
        if (File.Exists(itemsPath)) ReadFeatures(itemsPath, "item id", itemFeatures, titles);
        return new RatingDataset
        {
            Name = name,
            Format = DatasetFormats.GenericCsv,
            Ratings = ratings,
            UserFeatures = userFeatures.Build(),
            ItemFeatures = itemFeatures.Build(),
            ItemTitles = titles,
        };
    }

    private static void ReadFeatures(string path, string idName, FeatureTableBuilder features, Dictionary<int, string>? titles)
    {
        foreach (var (line, text) in TextLines.Read(path, Encoding.UTF8))
        {
            var fields = CsvLine.Split(text, path, line);
            if (line == 1 && HeaderLine.IsHeader(fields[0])) continue;
            if (fields.Count != 2) throw FieldParser.WrongFieldCount("2 fields (id,feature)", fields.Count, path, line);
            var id = FieldParser.ParseId(fields[0], idName, path, line);
            var feature = fields[1];
            if (feature.Length == 0) throw new DataFormatException(path, line, "the feature is empty");
            if (titles is not null && feature.StartsWith(TitlePrefix, StringComparison.Ordinal))
                titles[id] = feature[TitlePrefix.Length..];
            else
                features.Add(id, feature);
        }
    }
}
