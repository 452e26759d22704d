namespace OnlineRecs.Core.Data;

/// <summary>Turns MovieLens movie rows and tag applications into item features and titles.</summary>
internal sealed class MovieMetadataBuilder
{
    private const string NoGenres = "(no genres listed)";
    private readonly FeatureTableBuilder _features = new();
    private readonly Dictionary<int, string> _titles = [];

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
        if (length > 0) _features.Add(id, FeatureKeys.Tag, normalized[..length]);
    }

    public Dictionary<int, string[]> BuildFeatures() => _features.Build();

    public Dictionary<int, string> Titles => _titles;
}
