namespace OnlineRecs.Core.Data;

/// <summary>How one format writes a rating line: the separator, the allowed ratings, whether the
/// timestamp may be left out and whether the first line may be a header.</summary>
internal sealed record RatingLineFormat(byte[] Separator, RatingScale Scale, bool TimestampOptional, bool MayHaveHeader)
{
    public static readonly RatingLineFormat MovieLens100K = new("\t"u8.ToArray(), RatingScale.WholeStars, false, false);

    public static readonly RatingLineFormat MovieLens1M = new("::"u8.ToArray(), RatingScale.WholeStars, false, false);

    public static readonly RatingLineFormat MovieLens10M = new("::"u8.ToArray(), RatingScale.HalfStars, false, false);

    public static readonly RatingLineFormat MovieLensLatest = new(","u8.ToArray(), RatingScale.HalfStars, false, true);

    public static readonly RatingLineFormat GenericCsv = new(","u8.ToArray(), RatingScale.AnyFinite, true, true);

    public string ExpectedFields => TimestampOptional ? "3 or 4 fields (user, item, rating[, timestamp])" : "4 fields (user, item, rating, timestamp)";
}
