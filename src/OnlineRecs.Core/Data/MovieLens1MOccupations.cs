namespace OnlineRecs.Core.Data;

/// <summary>The occupation names behind MovieLens 1M's codes 0–20, as its README lists them.</summary>
public static class MovieLens1MOccupations
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "other/not specified", "academic/educator", "artist", "clerical/admin", "college/grad student",
        "customer service", "doctor/health care", "executive/managerial", "farmer", "homemaker",
        "K-12 student", "lawyer", "programmer", "retired", "sales/marketing", "scientist",
        "self-employed", "technician/engineer", "tradesman/craftsman", "unemployed", "writer",
    ];

    public static bool TryGetName(int code, out string name)
    {
        var known = (uint)code < (uint)Names.Count;
        name = known ? Names[code] : "";
        return known;
    }
}
