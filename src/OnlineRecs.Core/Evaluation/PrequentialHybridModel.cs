using System.Numerics.Tensors;
using OnlineRecs.Core.Data;
using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Sparse;
using OnlineRecs.Core.Training;

namespace OnlineRecs.Core.Evaluation;

/// <summary>
/// The LightFM-style hybrid in the stream: users and items get feature rows as they show up, a user is also its recent
/// items (<see cref="RecentItemsContext"/>), a retrain fits a fresh model on the items seen so far, and an arriving
/// positive takes <see cref="HybridModel.LearnEvent"/> steps.
/// </summary>
internal sealed class PrequentialHybridModel : PrequentialModel
{
    private readonly HybridOptions _options;
    private readonly int _epochs;
    private readonly int _onlineSteps;
    private readonly int _userCount;
    private readonly PrequentialFeatureRows _users;
    private readonly PrequentialFeatureRows _items;
    private readonly float[] _query;
    private readonly RecentItemsContext _context;
    private PrequentialItemCatalogue? _catalogue;
    private HybridModel _model;
    private float[] _featureScores = [];

    public PrequentialHybridModel(PrequentialOptions options, RatingDataset data, Universe universe)
    {
        var p = options.Parameters;
        _options = p.ToHybridOptions();
        _epochs = p.Epochs;
        _onlineSteps = options.OnlineSteps;
        _userCount = universe.Users.Count;
        _users = new PrequentialFeatureRows(new FeatureSpace(), universe.Users.Ids, FeatureCrosses.WithPairs(data.UserFeatures), p.UseFeatures);
        _items = new PrequentialFeatureRows(new FeatureSpace(_options.ItemIdentityWeight), universe.Items.Ids, data.ItemFeatures, p.UseFeatures);
        _query = new float[p.Factors];
        _model = new HybridModel(_options);
        _context = new RecentItemsContext(options.RecentItems, options.RecentItemsWeight);
    }

    /// <summary>A seen item is scorable from its metadata; a positive gives the user and the item an identity.</summary>
    public override void Observe(PrequentialEvent e, PrequentialHistory history)
    {
        _items.Ensure(e.Item, e.IsPositive);
        if (e.IsPositive) _users.Ensure(e.User, withIdentity: true);
    }

    public override void Learn(PrequentialEvent e, PrequentialHistory history)
    {
        _catalogue ??= new PrequentialItemCatalogue(_items, history);
        // A user with little history has an untrained identity and must learn from each event; an
        // established one would only overfit its latest item, so the steps shrink as 1/√positives.
        var positives = history.Positives[e.User];
        var steps = Online.OnlineSteps.For(_onlineSteps, positives.Count);
        // The history has just taken the item in; the event is learned in the context the user had before it.
        var arrivals = history.Arrivals[e.User];
        var (features, weights) = UserRow(e.User, arrivals, arrivals[^1] == e.Item ? arrivals.Count - 1 : arrivals.Count);
        _model.LearnEvent(new FeatureRow(features, weights), e.Item, 1f, _catalogue, positives, steps);
    }

    /// <summary>Fits a fresh model on every positive so far, over the seen items only, so no negative comes from the future.</summary>
    public override void Retrain(PrequentialHistory history)
    {
        var seen = history.SeenItems;
        var columnOf = new int[history.ItemCount];
        for (var c = 0; c < seen.Count; c++) columnOf[seen[c]] = c;
        var interactions = history.PositiveMatrix(columnOf, seen.Count);
        var users = _users.ToMatrix([.. Enumerable.Range(0, _userCount)]);
        _model = new HybridModel(_options);
        _model.FitPartial(interactions, users, _items.ToMatrix(seen), _epochs,
            entryUserRows: _context.Length > 0 ? RowsInContext(history, interactions, users, columnOf) : null);
    }

    /// <summary>Each positive's user row with the context the user had when it arrived: its K positives before it.</summary>
    private CsrMatrix RowsInContext(PrequentialHistory history, CsrMatrix interactions, CsrMatrix users, int[] columnOf) =>
        _context.EntryRows(interactions, users, history.PositiveOrder.Select(p => (p.User, columnOf[p.Item], p.Item)), _users.Space);

    private (int[] Features, float[] Weights) UserRow(int user, List<int> arrivals, int count) =>
        RecentItemsContext.Extend(_users.Row(user), _context.Of(arrivals, count), _users.Space);

    /// <summary>
    /// q·p_i + b_i = Σ_f w_if (q·e_f + b_f): one dot product per item feature, then a sparse sum per item, so the
    /// scores always reflect the latest steps, which move shared metadata features and with them many items.
    /// </summary>
    public override void Score(int user, PrequentialHistory history, Span<float> scores)
    {
        var arrivals = history.Arrivals[user];
        var (features, weights) = UserRow(user, arrivals, arrivals.Count);
        HybridModel.Represent(_model.Users, features, weights, _query);
        var trained = _model.Items.Count;
        if (_featureScores.Length < trained) _featureScores = new float[Math.Max(trained, _featureScores.Length * 2)];
        for (var f = 0; f < trained; f++) _featureScores[f] = TensorPrimitives.Dot<float>(_query, _model.Items.Embedding(f)) + _model.Items.Biases[f];

        foreach (var item in history.SeenItems)
        {
            var itemRow = _items.Row(item);
            var score = 0f;
            for (var n = 0; n < itemRow.Features.Length; n++)
            {
                var f = itemRow.Features[n];
                if (f < trained) score += itemRow.Weights[n] * _featureScores[f];
            }
            scores[item] = score;
        }
    }
}
