using OnlineRecs.Core.Data;

namespace OnlineRecs.Core.Tests.Data;

public sealed class FeatureNamingTests
{
    [Theory]
    [InlineData(7, "under 18")]
    [InlineData(17, "under 18")]
    [InlineData(18, "18-24")]
    [InlineData(34, "25-34")]
    [InlineData(45, "45-49")]
    [InlineData(55, "50-55")]
    [InlineData(73, "56+")]
    public void Raw_ages_fall_into_the_MovieLens_1M_buckets(int age, string bucket) =>
        Assert.Equal(bucket, AgeBuckets.ForAge(age));

    [Theory]
    [InlineData(1919, "1910s")]
    [InlineData(1979, "1970s")]
    [InlineData(1980, "1980-1984")]
    [InlineData(1999, "1995-1999")]
    [InlineData(2018, "2015-2019")]
    public void Years_bucket_by_decade_then_by_five(int year, string bucket) =>
        Assert.Equal(bucket, TitleYear.Bucket(year));

    [Theory]
    [InlineData("Heat (1995) ", true, 1995)]
    [InlineData("Babylon 5", false, 0)]
    [InlineData("Cosmos (1980–)", false, 0)]
    public void Title_year_comes_from_the_trailing_parentheses(string title, bool found, int year)
    {
        Assert.Equal(found, TitleYear.TryParse(title, out var parsed));
        Assert.Equal(year, parsed);
    }

    [Fact]
    public void Tags_are_lower_cased_trimmed_and_collapsed() =>
        Assert.Equal("dark comedy", TagNormalizer.Normalize("  Dark \t\n  COMEDY "));

    [Fact]
    public void Every_MovieLens_1M_occupation_code_has_a_name()
    {
        Assert.Equal(21, Enumerable.Range(0, 21).Count(code => MovieLens1MOccupations.TryGetName(code, out _)));
        Assert.False(MovieLens1MOccupations.TryGetName(21, out _));
        Assert.True(MovieLens1MOccupations.TryGetName(12, out var programmer));
        Assert.Equal("programmer", programmer);
    }
}
