using System.Globalization;

namespace OnlineRecs.Core.Data;

/// <summary>The release year MovieLens appends to titles as "(yyyy)", and the bucket it falls in.</summary>
public static class TitleYear
{
    private const int FirstFiveYearBucket = 1980;

    /// <summary>Reads the trailing "(yyyy)" of a title such as "Toy Story (1995)".</summary>
    public static bool TryParse(ReadOnlySpan<char> title, out int year)
    {
        var trimmed = title.TrimEnd();
        year = 0;
        return trimmed.Length >= 6
            && trimmed[^1] == ')'
            && trimmed[^6] == '('
            && int.TryParse(trimmed[^5..^1], NumberStyles.None, CultureInfo.InvariantCulture, out year);
    }

    /// <summary>Decades before 1980 (<c>1970s</c>), five-year spans from then on (<c>1995-1999</c>).</summary>
    public static string Bucket(int year)
    {
        if (year < FirstFiveYearBucket) return $"{year / 10 * 10}s";
        var start = year / 5 * 5;
        return $"{start}-{start + 4}";
    }
}
