using System.CommandLine;
using OnlineRecs.Client.Commands;

var root = new RootCommand("OnlineRecs: an online recommender. Evaluate its models offline on MovieLens or CSV data, " +
    "and feed and query a running cluster through its Orleans gateway or HTTP API.");
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(StreamCommand.Create());
root.Subcommands.Add(MetadataCommand.Create());
root.Subcommands.Add(RecommendCommand.Create());
root.Subcommands.Add(SimilarCommand.ForItems());
root.Subcommands.Add(SimilarCommand.ForUsers());
root.Subcommands.Add(ClusterBenchCommand.Create());
root.Subcommands.Add(ColdStartCommand.Create());
root.Subcommands.Add(ModelCommand.Create());
root.Subcommands.Add(RetrainCommand.Create());
var parsed = root.Parse(args);
// Bad arguments read like every other error: one line each on stderr and exit code 2. With no arguments at all, the help shows.
if (parsed.Errors.Count > 0 && args.Length > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
    return 2;
}
return await parsed.InvokeAsync();
