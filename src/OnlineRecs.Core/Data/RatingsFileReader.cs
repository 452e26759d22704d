namespace OnlineRecs.Core.Data;

/// <summary>Reads a ratings file line by line straight from UTF-8 bytes into <see cref="Rating"/> values.</summary>
internal static class RatingsFileReader
{
    private const int MaxFields = 4;

    public static Rating[] Read(string path, RatingLineFormat format)
    {
        var ratings = new RatingArrayBuilder();
        Span<Range> fields = stackalloc Range[MaxFields + 1];
        using var lines = new Utf8LineReader(path);
        while (lines.TryReadLine(out var line))
        {
            if (line.IsEmpty) continue;
            var lineNumber = lines.LineNumber;
            var count = Split(line, format.Separator, fields);
            if (lineNumber == 1 && format.MayHaveHeader && HeaderLine.IsHeader(line[fields[0]])) continue;
            if (count > MaxFields || count < 3 || (count == 3 && !format.TimestampOptional))
                throw FieldParser.WrongFieldCount(format.ExpectedFields, count, path, lineNumber);

            var user = FieldParser.ParseId(line[fields[0]], "user id", path, lineNumber);
            var item = FieldParser.ParseId(line[fields[1]], "item id", path, lineNumber);
            var value = FieldParser.ParseRating(line[fields[2]], format.Scale, path, lineNumber);
            var timestamp = count == MaxFields ? FieldParser.ParseTimestamp(line[fields[3]], path, lineNumber) : 0L;
            ratings.Add(new Rating(user, item, value, timestamp));
        }
        if (ratings.Count == 0) throw new DataFormatException(path, 0, "the file holds no ratings");
        return ratings.ToArray();
    }

    /// <summary>Splits into <paramref name="fields"/> and returns the true field count, which may exceed its length.</summary>
    private static int Split(ReadOnlySpan<byte> line, ReadOnlySpan<byte> separator, Span<Range> fields)
    {
        var count = 0;
        var start = 0;
        while (true)
        {
            var found = line[start..].IndexOf(separator);
            var end = found < 0 ? line.Length : start + found;
            if (count < fields.Length) fields[count] = start..end;
            count++;
            if (found < 0) return count;
            start = end + separator.Length;
        }
    }
}
