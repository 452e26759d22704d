namespace OnlineRecs.Core.Tests.Data;

/// <summary>Locates data shared beside the repository and the fixtures copied next to the tests.</summary>
public static class SharedData
{
    /// <summary>The MovieLens latest-small folder: <c>../shared/data/movielens/ml-latest-small</c> from the folder holding <c>OnlineRecs.sln</c>.</summary>
    public static string MovieLensSmallPath { get; } = Path.GetFullPath(
        Path.Combine(FindRepositoryRoot(), "..", "shared", "data", "movielens", "ml-latest-small"));

    /// <summary>A hand-written fixture folder or file under the test output's <c>Fixtures</c>.</summary>
    public static string Fixture(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OnlineRecs.sln"))) return folder.FullName;
        }
        throw new DirectoryNotFoundException($"No folder holding OnlineRecs.sln above {AppContext.BaseDirectory}.");
    }
}
