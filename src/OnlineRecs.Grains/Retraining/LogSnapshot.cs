using OnlineRecs.Abstractions.Events;
using OnlineRecs.Abstractions.Retraining;
using OnlineRecs.Core.Retraining;
using OnlineRecs.Grains.Ingest;

namespace OnlineRecs.Grains.Retraining;

/// <summary>
/// Everything the event log says up to one group boundary, gathered the way the grains gather it: each user's rated
/// items and positives in arrival order, the latest metadata and title of every entity, and the positives to train on.
/// </summary>
public sealed class LogSnapshot
{
    private readonly Dictionary<int, HashSet<int>> _rated = [];
    private readonly Dictionary<int, List<int>> _positiveOrder = [];
    private readonly Dictionary<int, HashSet<int>> _positives = [];
    private readonly Dictionary<int, string[]> _userMetadata = [];
    private readonly Dictionary<int, string[]> _itemMetadata = [];
    private readonly Dictionary<int, string> _titles = [];
    private readonly HashSet<int> _items = [];
    private readonly List<SnapshotPositive> _trainingPositives = [];

    private readonly OnlineLearningOptions _learning;

    public LogSnapshot(IEnumerable<LoggedFrame> frames, OnlineLearningOptions learning)
    {
        _learning = learning;
        Extend(frames);
    }

    /// <summary>The last log sequence the snapshot holds.</summary>
    public long Sequence { get; private set; }

    /// <summary>The log byte offset where the snapshot's last group ends: newer groups are read from here.</summary>
    public long LogOffset { get; private set; }

    public long Events { get; private set; }

    /// <summary>Takes in the groups logged after <see cref="Sequence"/>; the new positives follow the old in <see cref="ToInput"/>.</summary>
    public void Extend(IEnumerable<LoggedFrame> frames)
    {
        foreach (var (group, end) in frames)
        {
            if (group.FirstSequence <= Sequence) throw new ArgumentException("A snapshot grows only by groups logged after it.", nameof(frames));
            (Sequence, LogOffset) = (group.LastSequence, end);
            Events += group.Events.Length;
            foreach (var e in group.Events) Add(e);
            foreach (var m in group.Metadata) Add(m);
        }
    }

    public int Positives => _trainingPositives.Count;

    public RetrainInput ToInput() => new(
        [.. _trainingPositives],
        [.. _rated.Keys.Union(_userMetadata.Keys).Order()],
        [.. _items.Order()],
        _userMetadata,
        _itemMetadata);

    public ModelCheckpoint ToCheckpoint(long version, RetrainedModel model, RetrainRecord record) => new()
    {
        Version = version,
        Sequence = Sequence,
        Events = Events,
        Record = record,
        Users = [.. ToInput().Users.Select(u => new UserInstall(u, version, Sequence, model.Users.GetValueOrDefault(u, []),
            [.. _rated.GetValueOrDefault(u, []).Order()], [.. _positiveOrder.GetValueOrDefault(u, [])], _userMetadata.GetValueOrDefault(u, [])))],
        Items = [.. _items.Order().Select(i => new ItemInstall(i, version, Sequence, model.Items.GetValueOrDefault(i, []),
            _itemMetadata.GetValueOrDefault(i, []), _titles.GetValueOrDefault(i)))],
        UserFeatures = new FeatureTableInstall(version, Sequence, model.UserFeatures.Names, model.UserFeatures.Parameters),
        ItemFeatures = new FeatureTableInstall(version, Sequence, model.ItemFeatures.Names, model.ItemFeatures.Parameters),
    };

    private void Add(RatingEvent e)
    {
        _items.Add(e.ItemId);
        if (!_rated.TryGetValue(e.UserId, out var rated)) _rated[e.UserId] = rated = [];
        rated.Add(e.ItemId);
        if (!_learning.IsPositive(e.Rating, e.Weight)) return;
        _trainingPositives.Add(new SnapshotPositive(e.UserId, e.ItemId, e.Weight));
        if (!_positives.TryGetValue(e.UserId, out var positives))
        {
            _positives[e.UserId] = positives = [];
            _positiveOrder[e.UserId] = [];
        }
        if (positives.Add(e.ItemId)) _positiveOrder[e.UserId].Add(e.ItemId);
    }

    private void Add(EntityMetadata m)
    {
        if (m.Kind == EntityKind.User)
        {
            _userMetadata[m.Id] = m.Features;
            return;
        }
        _items.Add(m.Id);
        _itemMetadata[m.Id] = m.Features;
        if (m.Title is not null) _titles[m.Id] = m.Title;
    }
}
