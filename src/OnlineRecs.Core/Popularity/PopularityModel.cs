using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Popularity;

/// <summary>The baseline every personalised model must beat: an item's score is its number of positives.</summary>
public sealed class PopularityModel
{
    public float[] Counts { get; private set; } = [];

    public void Fit(CsrMatrix interactions)
    {
        Counts = new float[interactions.Cols];
        foreach (var item in interactions.Columns) Counts[item]++;
    }

    /// <summary>Counts one more positive for <paramref name="item"/> (the online update).</summary>
    public void Add(int item)
    {
        if (item >= Counts.Length)
        {
            var grown = new float[Math.Max(item + 1, Counts.Length * 2)];
            Counts.CopyTo(grown, 0);
            Counts = grown;
        }
        Counts[item]++;
    }
}
