using OnlineRecs.Core.Data;

namespace OnlineRecs.Abstractions.Serving;

/// <summary>
/// A new user described the way people describe themselves (gender, age in years, occupation, liked genres),
/// turned into the feature names the readers produce, e.g. <c>gender=M</c>, <c>age=35-44</c>, <c>genre=Comedy</c>.
/// </summary>
public sealed record ColdStartProfile(string? Gender, int? Age, string? Occupation, string[]? Genres, string[]? Features)
{
    public ColdStartQuery ToQuery(int k)
    {
        var user = new List<string>();
        if (!string.IsNullOrWhiteSpace(Gender)) user.Add($"{FeatureKeys.Gender}={Gender.Trim().ToUpperInvariant()}");
        if (Age is { } age)
        {
            if (age is < 1 or > 130) throw new ArgumentOutOfRangeException(nameof(Age), $"Age {age} is outside [1, 130].");
            user.Add($"{FeatureKeys.Age}={AgeBuckets.ForAge(age)}");
        }
        if (!string.IsNullOrWhiteSpace(Occupation)) user.Add($"{FeatureKeys.Occupation}={Occupation.Trim()}");
        user.AddRange(Features ?? []);
        var liked = (Genres ?? []).Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => $"{FeatureKeys.Genre}={g.Trim()}");
        return new ColdStartQuery([.. user.Distinct()], [.. liked.Distinct()], k);
    }
}
