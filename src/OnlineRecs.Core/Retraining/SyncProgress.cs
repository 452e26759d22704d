namespace OnlineRecs.Core.Retraining;

/// <summary>Reports on the reporting thread, in order, unlike <see cref="Progress{T}"/> which posts to a context.</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
