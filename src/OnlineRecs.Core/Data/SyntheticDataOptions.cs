namespace OnlineRecs.Core.Data;

/// <summary>The size and shape of a data set made by <see cref="SyntheticDataGenerator"/>.</summary>
public sealed record SyntheticDataOptions
{
    public int Users { get; init; } = 1_000;

    public int Items { get; init; } = 2_000;

    /// <summary>Total ratings; every user gets at least one, and no user more than a fifth of the items.</summary>
    public int Interactions { get; init; } = 50_000;

    /// <summary>Dimension of the planted user and item latent vectors.</summary>
    public int Rank { get; init; } = 16;

    public int Seed { get; init; } = 42;

    /// <summary>Number of distinct <c>segment=</c> values among users (the latent clusters users are drawn around).</summary>
    public int UserSegments { get; init; } = 8;

    /// <summary>Which user attributes are written: the segment itself, or only demographics as MovieLens 100K/1M have.</summary>
    public SyntheticUserMetadata UserMetadata { get; init; } = SyntheticUserMetadata.Segments;

    /// <summary>Number of distinct <c>genre=</c> values among items (the latent clusters items are drawn around).</summary>
    public int ItemGenres { get; init; } = 12;

    /// <summary>Zipf exponent of item popularity: the item of popularity rank r has weight r^-exponent.</summary>
    public double PopularityExponent { get; init; } = 1.0;

    /// <summary>How strongly taste steers choice: items are drawn ∝ popularity × exp(strength × cosine(user, item)).</summary>
    public double PreferenceStrength { get; init; } = 3.0;

    /// <summary>The most ratings one user may get, so that drawing distinct items stays cheap.</summary>
    public int MaxInteractionsPerUser => Math.Max(1, Items / 5);

    internal void Validate()
    {
        if (Users < 1 || Items < 1 || Rank < 1 || UserSegments < 1 || ItemGenres < 1)
            throw new ArgumentException("Users, items, rank, segments and genres must all be at least 1.");
        if (Interactions < Users || (long)Interactions > (long)Users * MaxInteractionsPerUser)
            throw new ArgumentException(
                $"Interactions must lie between the user count ({Users}) and users × items / 5 ({(long)Users * MaxInteractionsPerUser}).");
        if (PopularityExponent < 0 || PreferenceStrength < 0)
            throw new ArgumentException("Popularity exponent and preference strength must not be negative.");
    }
}

/// <summary>The user attributes a synthetic data set carries.</summary>
public enum SyntheticUserMetadata
{
    /// <summary><c>segment</c> (the latent cluster a user was drawn around), <c>gender</c> and <c>age</c>.</summary>
    Segments,

    /// <summary>
    /// <c>gender</c>, <c>age</c> and <c>occupation</c>, as MovieLens 100K/1M: no attribute names the segment, and
    /// occupation only leans towards a few per segment, so every attribute alone says little about taste.
    /// </summary>
    Demographics,
}
