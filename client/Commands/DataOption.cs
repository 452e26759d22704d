using System.CommandLine;
using OnlineRecs.Core.Data;
using Spectre.Console;

namespace OnlineRecs.Client.Commands;

/// <summary>The <c>--data</c> option of the commands that send a data set to the cluster, and reading what it names.</summary>
internal static class DataOption
{
    public static Option<string> Create() => new("--data")
    {
        Description = "A MovieLens folder (100K, 1M, 10M, 20M, 25M, latest) or a CSV of user,item,rating[,timestamp].", Required = true,
    };

    /// <summary>The data set, or null once the reason it cannot be read is printed.</summary>
    public static RatingDataset? Read(string path)
    {
        try
        {
            return AnsiConsole.Status().Start($"reading {path}", _ => DatasetReader.Read(path));
        }
        catch (Exception e) when (e is DataFormatException or FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            EvalCommand.Fail(e.Message);
            return null;
        }
    }
}
