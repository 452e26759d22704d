namespace OnlineRecs.Core.Data;

/// <summary>The ratings a format allows: finite values from <see cref="Min"/> to <see cref="Max"/> in steps of <see cref="Step"/> (0: any value).</summary>
internal readonly record struct RatingScale(float Min, float Max, float Step, string Description)
{
    /// <summary>MovieLens 100K and 1M: whole stars.</summary>
    public static readonly RatingScale WholeStars = new(1f, 5f, 1f, "a whole number from 1 to 5");

    /// <summary>MovieLens 10M and later: half stars.</summary>
    public static readonly RatingScale HalfStars = new(0.5f, 5f, 0.5f, "a multiple of 0.5 from 0.5 to 5");

    /// <summary>Generic CSV: any finite value.</summary>
    public static readonly RatingScale AnyFinite = new(float.MinValue, float.MaxValue, 0f, "a finite number");

    public bool Contains(float rating) =>
        rating >= Min && rating <= Max && (Step == 0f || MathF.Round(rating / Step) * Step == rating);
}
