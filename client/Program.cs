using System.CommandLine;
using OnlineRecs.Client.Commands;

var root = new RootCommand("OnlineRecs: an online recommender. Offline evaluation of its models on MovieLens or CSV data.");
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
return await root.Parse(args).InvokeAsync();
