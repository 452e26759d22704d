namespace OnlineRecs.Core.Data;

/// <summary>Turns MovieLens movie rows and tag applications into item features and titles.</summary>
internal sealed class MovieMetadataBuilder
{
    private const string NoGenres = "(no genres listed)";
    private readonly FeatureTableBuilder _features = new();
    private readonly Dictionary<int, string> _titles = [];
    private readonly Dictionary<int, int> _tagApplications = [];

    /// <summary>Adds a movie whose genres are given as one <c>|</c>-separated list.</summary>
    public void AddMovie(int id, string title, ReadOnlySpan<char> genreList)
    {
        foreach (var range in genreList.Split('|'))
            AddGenre(id, genreList[range]);
        AddTitle(id, title);
    }

    /// <summary>Sets the title and derives the year bucket from its trailing "(yyyy)".</summary>
    public void AddTitle(int id, string title)
    {
        var trimmed = title.Trim();
        _titles[id] = trimmed;
        if (TitleYear.TryParse(trimmed, out var year)) _features.Add(id, FeatureKeys.Year, TitleYear.Bucket(year));
    }

    public void AddGenre(int id, ReadOnlySpan<char> genre)
    {
        var trimmed = genre.Trim();
        if (trimmed.IsEmpty || trimmed.SequenceEqual(NoGenres)) return;
        _features.Add(id, FeatureKeys.Genre, trimmed);
    }

    public void AddTag(int id, ReadOnlySpan<char> tag)
    {
        var normalized = tag.Length <= 256 ? stackalloc char[tag.Length] : new char[tag.Length];
        var length = TagNormalizer.Normalize(tag, normalized);
        if (length == 0) return;
        _features.Add(id, FeatureKeys.Tag, normalized[..length]);
        _tagApplications[id] = _tagApplications.GetValueOrDefault(id) + 1;
    }

    /// <summary>
    /// The features, plus a bucket of how often each movie was tagged: tagging follows attention, so
    /// it is the one metadata signal of popularity a movie without ratings has (cold start).
    /// </summary>
    public Dictionary<int, string[]> BuildFeatures()
    {
        foreach (var (id, count) in _tagApplications) _features.Add(id, FeatureKeys.Tagged, TagCountBucket(count));
        return _features.Build();
    }

    private static string TagCountBucket(int count) => count switch
    {
        1 => "1",
        <= 3 => "2-3",
        <= 9 => "4-9",
        _ => "10+",
    };

    public Dictionary<int, string> Titles => _titles;
}
