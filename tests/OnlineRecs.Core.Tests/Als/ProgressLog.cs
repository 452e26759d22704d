using OnlineRecs.Core.Als;

namespace OnlineRecs.Core.Tests.Als;

/// <summary>Records progress reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
internal sealed class ProgressLog : IProgress<AlsProgress>
{
    public List<AlsProgress> Reports { get; } = [];

    public void Report(AlsProgress value) => Reports.Add(value);
}
