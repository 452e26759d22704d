using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using OnlineRecs.Core.Data;
using OnlineRecs.Core.Evaluation;
using OnlineRecs.Core.Training;
using Spectre.Console;

namespace OnlineRecs.Client.Commands;

/// <summary><c>eval</c>: trains a model under one of PROTOCOL.md's protocols and prints its metrics.</summary>
public static class EvalCommand
{
    private static readonly string[] ProtocolNames = ["split", "coldstart-users", "coldstart-items", "prequential"];
    private static readonly string[] ModeNames = ["frozen", "online", "online+retrain"];

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "A MovieLens folder (100K, 1M, 10M, 20M, 25M, latest) or a CSV of user,item,rating[,timestamp].", Required = true };
        var protocol = new Option<string>("--protocol") { Description = "split | coldstart-users | coldstart-items | prequential", DefaultValueFactory = _ => "split" };
        protocol.AcceptOnlyFromAmong(ProtocolNames);
        var model = new Option<string>("--model") { Description = "warp | warp-kos | bpr | logistic | als | popularity", DefaultValueFactory = _ => "warp" };
        model.AcceptOnlyFromAmong("warp", "warp-kos", "bpr", "logistic", "als", "popularity");
        var factors = new Option<int?>("--factors") { Description = "Embedding size (default 64)." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs (hybrid models) or iterations (ALS)." };
        var learningRate = new Option<float?>("--learning-rate") { Description = "AdaGrad's base step (hybrid models)." };
        var alpha = new Option<float?>("--alpha") { Description = "ALS confidence: c = 1 + alpha * r." };
        var regularization = new Option<float?>("--regularization") { Description = "L2 penalty." };
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => 2 };
        var seed = new Option<ulong>("--seed") { DefaultValueFactory = _ => 42UL };
        var threshold = new Option<float>("--threshold") { Description = "Ratings at or above this are positives.", DefaultValueFactory = _ => 4.0f };
        var noFeatures = new Option<bool>("--no-features") { Description = "Hybrid models: identity features only, no metadata." };
        var json = new Option<string?>("--json") { Description = "Also write the result as one JSON object to this file." };
        var mode = new Option<string>("--mode") { Description = "prequential: frozen | online | online+retrain", DefaultValueFactory = _ => "online" };
        mode.AcceptOnlyFromAmong(ModeNames);
        var retrainEvery = new Option<int?>("--retrain-every") { Description = "prequential, online+retrain: events between full retrains (default a tenth of the replay)." };
        var target = new Option<string?>("--target") { Description = "split, prequential: a running (for prequential, empty) cluster's HTTP address; events go through its ingest path, its query API is evaluated, --model names its retrain algorithm." };
        var onlineSteps = new Option<int>("--online-steps") { Description = "prequential, hybrid models: loss steps on a positive of a user with one positive (steps/√n with n positives).", DefaultValueFactory = _ => PrequentialOptions.DefaultOnlineSteps };
        var recentItems = new Option<int>("--recent-items") { Description = "prequential, hybrid models: a user is also its last K positives (0: off).", DefaultValueFactory = _ => PrequentialOptions.DefaultRecentItems };

        var command = new Command("eval", "Train on a protocol's training set and report P@10, R@10, NDCG@10 and AUC.")
        {
            data, protocol, model, factors, epochs, learningRate, alpha, regularization, threads, seed, threshold, noFeatures, json,
            mode, retrainEvery, onlineSteps, recentItems, target,
        };
        command.SetAction(async (result, _) =>
        {
            if (result.GetValue(target) is { } url) return await RunAgainstCluster(result.GetValue(data)!, result.GetValue(protocol)!, url,
                result.GetValue(threshold), result.GetValue(seed), result.GetValue(json), result.GetValue(model)!,
                ParseMode(result.GetValue(mode)!), result.GetValue(retrainEvery));
            var kind = ParseModel(result.GetValue(model)!);
            var defaults = ModelParameters.ForModel(kind);
            var parameters = defaults with
            {
                Factors = result.GetValue(factors) ?? defaults.Factors,
                Epochs = result.GetValue(epochs) ?? defaults.Epochs,
                LearningRate = result.GetValue(learningRate) ?? defaults.LearningRate,
                Alpha = result.GetValue(alpha) ?? defaults.Alpha,
                Regularization = result.GetValue(regularization) ?? defaults.Regularization,
                Threads = result.GetValue(threads),
                Seed = result.GetValue(seed),
                UseFeatures = defaults.UseFeatures && !result.GetValue(noFeatures),
            };
            var stream = new PrequentialOptions
            {
                Parameters = parameters,
                Mode = ParseMode(result.GetValue(mode)!),
                RetrainEvery = result.GetValue(retrainEvery),
                OnlineSteps = result.GetValue(onlineSteps),
                RecentItems = result.GetValue(recentItems),
                Threshold = result.GetValue(threshold),
            };
            return Run(result.GetValue(data)!, result.GetValue(protocol)!, parameters, result.GetValue(threshold), result.GetValue(json), stream);
        });
        return command;
    }

    private static async Task<int> RunAgainstCluster(string dataPath, string protocolName, string url, float threshold, ulong seed, string? jsonPath,
        string model, PrequentialMode mode, int? retrainEvery)
    {
        if (protocolName is not ("split" or "prequential")) return Fail("--target evaluates the split and prequential protocols only.");
        if (protocolName == "prequential" && model is not ("warp" or "bpr" or "als"))
            return Fail("--target with prequential: the cluster retrains with --model warp, bpr or als.");
        if (retrainEvery is <= 0) return Fail("--retrain-every must be positive.");
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            return Fail($"--target must be an http:// or https:// address, not '{url}'.");
        if (DataOption.Read(dataPath) is not { } data) return 2;
        return protocolName == "prequential"
            ? await ClusterPrequentialEval.Run(data, address, mode, model, retrainEvery, threshold, jsonPath)
            : await ClusterSplitEval.Run(data, address, threshold, seed, jsonPath);
    }

    private static int Run(string dataPath, string protocolName, ModelParameters parameters, float threshold, string? jsonPath,
        PrequentialOptions stream)
    {
        if (parameters.Threads <= 0 || parameters.Factors < 0 || parameters.Epochs < 0 || !float.IsFinite(threshold))
            return Fail("--threads must be positive, and --factors, --epochs and --threshold sensible numbers.");
        if (stream.RetrainEvery is <= 0 || stream.OnlineSteps < 0 || stream.RecentItems < 0)
            return Fail("--retrain-every must be positive, and --online-steps and --recent-items not negative.");

        RatingDataset data;
        try { data = DatasetReader.Read(dataPath); }
        catch (Exception e) when (e is DataFormatException or FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return Fail(e.Message);
        }
        if (protocolName == "prequential") return PrequentialEval.Run(data, stream, jsonPath);

        var split = protocolName switch
        {
            "coldstart-users" => Protocols.ColdStartUsers(data, threshold, parameters.Seed),
            "coldstart-items" => Protocols.ColdStartItems(data, threshold, parameters.Seed),
            _ => Protocols.Split(data, threshold, parameters.Seed),
        };

        TrainedRecommender trained;
        try
        {
            trained = AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask($"training {parameters.Model.ToString().ToLowerInvariant()}", maxValue: 1);
                    return RecommenderTrainer.Train(split, data, parameters, new Progress<double>(share => task.Value = share));
                });
        }
        catch (ArgumentException e)
        {
            return Fail(e.Message);
        }

        var evalStarted = Stopwatch.GetTimestamp();
        var report = RankingEvaluator.Evaluate(split, trained.Scorer, parameters.Threads);
        var evalSeconds = Stopwatch.GetElapsedTime(evalStarted).TotalSeconds;

        PrintTable(data, split, parameters, report, trained.TrainSeconds, evalSeconds);
        if (jsonPath is not null) WriteJson(jsonPath, data, parameters, report, trained.TrainSeconds, evalSeconds);
        return 0;
    }

    private static void PrintTable(RatingDataset data, EvaluationSplit split, ModelParameters p, RankingReport r, double trainSeconds, double evalSeconds)
    {
        var table = new Table().AddColumns("protocol", "model", "users", "P@10", "R@10", "NDCG@10", "AUC", "train s", "eval s");
        table.AddRow(r.Protocol, ModelName(p.Model), r.UsersEvaluated.ToString(), $"{r.PrecisionAt10:F4}", $"{r.RecallAt10:F4}",
            $"{r.NdcgAt10:F4}", $"{r.Auc:F4}", $"{trainSeconds:F2}", $"{evalSeconds:F2}");
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(data.Name)} ({data.Format}): {split.TrainPositives:N0} train and {split.TestPositives:N0} test positives[/]");
        AnsiConsole.Write(table);
    }

    private static void WriteJson(string path, RatingDataset data, ModelParameters p, RankingReport r, double trainSeconds, double evalSeconds)
    {
        var result = new Dictionary<string, object?>
        {
            ["protocol"] = r.Protocol,
            ["model"] = ModelName(p.Model),
            ["data"] = data.Name,
            ["params"] = new Dictionary<string, object>
            {
                ["factors"] = p.Factors, ["epochs"] = p.Epochs, ["learning_rate"] = p.LearningRate, ["alpha"] = p.Alpha,
                ["regularization"] = p.Regularization, ["threads"] = p.Threads, ["seed"] = p.Seed, ["features"] = p.UseFeatures,
            },
            ["users_evaluated"] = r.UsersEvaluated,
            ["precision_at_10"] = r.PrecisionAt10,
            ["recall_at_10"] = r.RecallAt10,
            ["ndcg_at_10"] = r.NdcgAt10,
            ["auc"] = r.Auc,
            ["train_seconds"] = trainSeconds,
            ["eval_seconds"] = evalSeconds,
        };
        ResultJson.Write(path, result);
    }

    private static PrequentialMode ParseMode(string name) => name switch
    {
        "frozen" => PrequentialMode.Frozen,
        "online+retrain" => PrequentialMode.OnlineRetrain,
        _ => PrequentialMode.Online,
    };

    private static ModelKind ParseModel(string name) => name switch
    {
        "warp-kos" => ModelKind.WarpKos,
        _ => Enum.Parse<ModelKind>(name, ignoreCase: true),
    };

    internal static string ModelName(ModelKind kind) => kind == ModelKind.WarpKos ? "warp-kos" : kind.ToString().ToLowerInvariant();

    internal static string ModeName(PrequentialMode mode) => mode switch
    {
        PrequentialMode.Frozen => "frozen",
        PrequentialMode.OnlineRetrain => "online+retrain",
        _ => "online",
    };

    internal static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 2;
    }
}
