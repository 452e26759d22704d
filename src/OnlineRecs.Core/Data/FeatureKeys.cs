namespace OnlineRecs.Core.Data;

/// <summary>The keys of the <c>key=value</c> feature names readers produce.</summary>
public static class FeatureKeys
{
    public const string Gender = "gender";
    public const string Age = "age";
    public const string Occupation = "occupation";
    public const string Genre = "genre";
    public const string Tag = "tag";
    public const string Tagged = "tagged";
    public const string Year = "year";
    public const string Segment = "segment";
}
