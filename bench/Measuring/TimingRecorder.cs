namespace OnlineRecs.Bench.Measuring;

/// <summary>
/// Collects the wall time each training round reports. Reports are handled on the reporting thread, unlike
/// <see cref="Progress{T}"/>, which posts them to the thread pool and could still be running when the fit returns.
/// </summary>
public sealed class TimingRecorder<TReport>(Func<TReport, double> seconds, Action<TReport> onReport) : IProgress<TReport>
{
    private readonly List<double> _seconds = [];

    public void Report(TReport value)
    {
        _seconds.Add(seconds(value));
        onReport(value);
    }

    /// <summary>The timings after the first, which pays for cold caches and one-off set-up; the only one if there was just one.</summary>
    public IReadOnlyList<double> AfterWarmUp => _seconds.Count > 1 ? _seconds[1..] : _seconds;
}
