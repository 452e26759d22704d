namespace OnlineRecs.Grains.Ingest;

/// <summary>
/// Rebuilds the groups the learner learned from the log's records, in order. A frame was learned alone unless a later
/// <see cref="GroupMark"/> joins it with its neighbours: the learner writes one, durably, before it learns frames that
/// waited for it together. Frames no mark covers are groups of their own, which is also how a restart learns frames it
/// finds unlearned, so a replay repeats the live grouping exactly.
/// </summary>
internal sealed class LearnedGroupReader(Action<LoggedFrame> onGroup)
{
    private readonly List<(LogGroup Frame, long Start, long End)> _waiting = [];

    public void Frame(LogGroup frame, long start, long end) => _waiting.Add((frame, start, end));

    public void Mark(GroupMark mark, long end)
    {
        // A mark whose frames come before where this read started was taken in by an earlier read.
        if (_waiting.Count == 0 || mark.FirstSequence < _waiting[0].Frame.FirstSequence) return;
        while (_waiting.Count > 0 && _waiting[0].Frame.FirstSequence < mark.FirstSequence) EmitFirstAlone();
        var joined = _waiting.TakeWhile(w => w.Frame.LastSequence <= mark.LastSequence).Select(w => w.Frame).ToArray();
        if (joined.Length == 0) return;
        _waiting.RemoveRange(0, joined.Length);
        onGroup(new LoggedFrame(LogGroup.Join(joined), _waiting.Count > 0 ? _waiting[0].Start : end));
    }

    /// <summary>The end of what was read: every frame still waiting was learned alone, or is not learned yet.</summary>
    public void End()
    {
        while (_waiting.Count > 0) EmitFirstAlone();
    }

    private void EmitFirstAlone()
    {
        var (frame, _, end) = _waiting[0];
        _waiting.RemoveAt(0);
        onGroup(new LoggedFrame(frame, _waiting.Count > 0 ? _waiting[0].Start : end));
    }
}
