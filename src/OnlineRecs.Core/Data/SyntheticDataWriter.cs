using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace OnlineRecs.Core.Data;

/// <summary>
/// Writes a data set (typically a synthetic one) as generic CSV: <c>ratings.csv</c>,
/// <c>users.csv</c> and <c>items.csv</c>, which <see cref="DatasetReader"/> reads back identically.
/// </summary>
public static class SyntheticDataWriter
{
    private const int FlushThreshold = 1 << 16;
    private const int MaxLineBytes = 128;
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the three files into <paramref name="folder"/>, creating it if needed and replacing files of the same names.</summary>
    /// <exception cref="ArgumentException">A feature or title the format cannot carry (empty, a line break, or an item feature starting with <c>title=</c>).</exception>
    public static void Write(RatingDataset dataset, string folder)
    {
        Directory.CreateDirectory(folder);
        WriteRatings(dataset.Ratings, Path.Combine(folder, GenericCsvReader.RatingsFile));
        using (var users = OpenText(Path.Combine(folder, GenericCsvReader.UsersFile), "user,feature"))
        {
            foreach (var (id, features) in dataset.UserFeatures.OrderBy(pair => pair.Key))
                foreach (var feature in features) WriteLine(users, id, feature);
        }
        using var items = OpenText(Path.Combine(folder, GenericCsvReader.ItemsFile), "item,feature");
        foreach (var (id, title) in dataset.ItemTitles.OrderBy(pair => pair.Key))
            WriteLine(items, id, GenericCsvReader.TitlePrefix + title);
        foreach (var (id, features) in dataset.ItemFeatures.OrderBy(pair => pair.Key))
            foreach (var feature in features) WriteItemFeature(items, id, feature);
    }

    private static void WriteRatings(Rating[] ratings, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        var buffer = new byte[FlushThreshold + MaxLineBytes];
        var used = Encoding.UTF8.GetBytes("user,item,rating,timestamp\n", buffer);
        foreach (var rating in ratings)
        {
            // Formats straight into the byte buffer; "R"-style shortest float text reads back to the same float.
            Utf8.TryWrite(buffer.AsSpan(used), CultureInfo.InvariantCulture,
                $"{rating.UserId},{rating.ItemId},{rating.Value},{rating.Timestamp}\n", out var written);
            used += written;
            if (used < FlushThreshold) continue;
            stream.Write(buffer, 0, used);
            used = 0;
        }
        stream.Write(buffer, 0, used);
    }

    private static StreamWriter OpenText(string path, string header)
    {
        var writer = new StreamWriter(path, append: false, Utf8WithoutBom) { NewLine = "\n" };
        writer.WriteLine(header);
        return writer;
    }

    private static void WriteItemFeature(StreamWriter writer, int id, string feature)
    {
        if (feature.StartsWith(GenericCsvReader.TitlePrefix, StringComparison.Ordinal))
            throw new ArgumentException($"Feature '{feature}' of {id} would read back as its title.");
        WriteLine(writer, id, feature);
    }

    private static void WriteLine(StreamWriter writer, int id, string value)
    {
        if (value.Length == 0 || value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            throw new ArgumentException($"Value '{value}' of {id} is empty or spans lines, which the line-based format cannot carry.");
        writer.Write(id.ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        writer.WriteLine(CsvLine.Escape(value));
    }
}
