using OnlineRecs.Core.Popularity;

namespace OnlineRecs.Core.Evaluation;

/// <summary>Popularity in the stream: every arriving positive counts one more for its item.</summary>
internal sealed class PrequentialPopularityModel : PrequentialModel
{
    private PopularityModel _popularity = new();

    public override void Learn(PrequentialEvent e, PrequentialHistory history) => _popularity.Add(e.Item);

    public override void Retrain(PrequentialHistory history)
    {
        _popularity = new PopularityModel();
        _popularity.Fit(history.PositiveMatrix());
    }

    public override void Score(int user, PrequentialHistory history, Span<float> scores) => _popularity.Counts.CopyTo(scores);
}
