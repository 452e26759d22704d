using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using OnlineRecs.Core.Als;
using OnlineRecs.Core.Training;

namespace OnlineRecs.Core.Evaluation;

/// <summary>
/// Implicit ALS in the stream: an arriving positive re-solves its user's vector exactly against the current item
/// factors. Re-solving the item too helped MovieLens slightly but hurt a stationary synthetic stream, so items wait for a retrain.
/// </summary>
internal sealed class PrequentialAlsModel(ModelParameters parameters, int users) : PrequentialModel
{
    private readonly List<int>[] _itemsOfUser = [.. Enumerable.Range(0, users).Select(_ => new List<int>())];
    private ImplicitAls _als = new(new AlsOptions
    {
        Factors = parameters.Factors, Iterations = parameters.Epochs, Alpha = parameters.Alpha,
        Regularization = parameters.Regularization, Threads = parameters.Threads, Seed = (int)parameters.Seed,
    });
    private float[] _ones = [];

    public override void Observe(PrequentialEvent e, PrequentialHistory history)
    {
        if (!e.IsPositive) return;
        _itemsOfUser[e.User].Add(e.Item);
    }

    public override void Learn(PrequentialEvent e, PrequentialHistory history)
    {
        var k = _als.Factors;
        var items = CollectionsMarshal.AsSpan(_itemsOfUser[e.User]);
        _als.RecalculateUser(items, Ones(items.Length), _als.UserFactors.AsSpan(e.User * k, k));
    }

    public override void Retrain(PrequentialHistory history)
    {
        _als = new ImplicitAls(_als.Options);
        _als.Fit(history.PositiveMatrix());
    }

    public override void Score(int user, PrequentialHistory history, Span<float> scores)
    {
        var query = _als.UserVector(user);
        foreach (var item in history.SeenItems) scores[item] = TensorPrimitives.Dot(query, _als.ItemVector(item));
    }

    /// <summary>Unit interaction values, as the protocol trains on positives unweighted.</summary>
    private ReadOnlySpan<float> Ones(int count)
    {
        if (_ones.Length < count)
        {
            _ones = new float[Math.Max(count, _ones.Length * 2)];
            _ones.AsSpan().Fill(1f);
        }
        return _ones.AsSpan(0, count);
    }
}
