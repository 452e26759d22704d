using OnlineRecs.Core.Data;
using OnlineRecs.Core.Training;

namespace OnlineRecs.Core.Evaluation;

/// <summary>A model as the prequential replay drives it: fitted in full, told of every event, updated by positives.</summary>
internal abstract class PrequentialModel
{
    public static PrequentialModel Create(PrequentialOptions options, RatingDataset data, Universe universe) => options.Parameters.Model switch
    {
        ModelKind.Popularity => new PrequentialPopularityModel(),
        ModelKind.Als => new PrequentialAlsModel(options.Parameters, universe.Users.Count),
        _ => new PrequentialHybridModel(options, data, universe),
    };

    /// <summary>Takes in an event already added to <paramref name="history"/>, in every mode.</summary>
    public virtual void Observe(PrequentialEvent e, PrequentialHistory history)
    {
    }

    /// <summary>The online update for a positive already added to <paramref name="history"/>.</summary>
    public abstract void Learn(PrequentialEvent e, PrequentialHistory history);

    /// <summary>A full fit on every positive in <paramref name="history"/>.</summary>
    public abstract void Retrain(PrequentialHistory history);

    /// <summary>Writes the user's score of every seen item into <paramref name="scores"/> (indexed by item).</summary>
    public abstract void Score(int user, PrequentialHistory history, Span<float> scores);
}
