using OnlineRecs.Bench;

return BenchCommand.Create().Parse(args).Invoke();
