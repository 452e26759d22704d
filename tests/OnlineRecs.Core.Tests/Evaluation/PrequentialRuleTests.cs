using OnlineRecs.Core.Data;
using OnlineRecs.Core.Evaluation;
using OnlineRecs.Core.Training;

namespace OnlineRecs.Core.Tests.Evaluation;

/// <summary>PROTOCOL.md §4's rules on a stream small enough to count by hand, scored by popularity.</summary>
public class PrequentialRuleTests
{
    private const float Liked = 5f;
    private const float Disliked = 2f;

    /// <summary>
    /// First half (14 events): user 100 dislikes items 1..12 (all seen, popularity 0), users 1 and 2 like item 1.
    /// Replay (14 events): the six below, then user 100 re-rates items 1..8 as negatives.
    ///   r1 u1 likes 12: evaluated; candidates 2..12 all tie at 0, so the top 10 is 2..11.
    ///   r2 u2 likes 11: evaluated; same candidates, but online popularity has moved 12 ahead.
    ///   r3 u3 likes 5: not evaluated, u3 has no earlier positive.
    ///   r4 u3 likes 13: not evaluated, 13 never appeared before.
    ///   r5 u1 likes 13 (4.0 is a positive): evaluated; candidates 2..11 and 13.
    ///   r6 u2 rates 3 with 3.0: a negative, never evaluated.
    /// r1 and r2 share a timestamp and are listed in file order, so ties must keep file order.
    /// </summary>
    private static RatingDataset HandMadeStream()
    {
        var ratings = new List<Rating>();
        var time = 1L;
        for (var item = 1; item <= 12; item++) ratings.Add(new Rating(100, item, Disliked, time++));
        ratings.Add(new Rating(1, 1, Liked, time++));
        ratings.Add(new Rating(2, 1, Liked, time++));
        ratings.Add(new Rating(1, 12, Liked, time));
        ratings.Add(new Rating(2, 11, Liked, time++));
        ratings.Add(new Rating(3, 5, Liked, time++));
        ratings.Add(new Rating(3, 13, Liked, time++));
        ratings.Add(new Rating(1, 13, 4f, time++));
        ratings.Add(new Rating(2, 3, 3f, time++));
        for (var item = 1; item <= 8; item++) ratings.Add(new Rating(100, item, 1f, time++));
        // The file lists the latest events first, so only timestamps can put the stream in order; the sort is stable,
        // so r1 still precedes r2 in the file.
        return new RatingDataset { Name = "hand-made", Format = "csv", Ratings = [.. ratings.OrderByDescending(r => r.Timestamp)] };
    }

    private static PrequentialReport Run(PrequentialMode mode) => Prequential.Run(HandMadeStream(), new PrequentialOptions
    {
        Parameters = ModelParameters.ForModel(ModelKind.Popularity),
        Mode = mode,
    });

    [Fact]
    public void FrozenPopularityHitsOnlyTheItemThatTiesIntoTheTopTen()
    {
        var report = Run(PrequentialMode.Frozen);
        Assert.Equal(14, report.ReplayEvents);
        Assert.Equal(3, report.EvaluatedEvents);
        Assert.Equal(1, report.Hits);
        Assert.Equal(0.5, report.HitRateByTenth[0]);
        Assert.Equal(0.0, report.HitRateByTenth[2]);
    }

    [Fact]
    public void OnlinePopularityCountsEachPositiveBeforeTheNextEvent()
    {
        var report = Run(PrequentialMode.Online);
        Assert.Equal(3, report.EvaluatedEvents);
        Assert.Equal(1, report.Hits);
        Assert.Equal(0.0, report.HitRateByTenth[0]);
        Assert.Equal(1.0, report.HitRateByTenth[2]);
    }

    [Theory]
    [InlineData(9, true)]
    [InlineData(10, false)]
    public void TiesGoToTheLowerItemIndex(int target, bool hit)
    {
        var history = new PrequentialHistory(users: 2, items: 12);
        history.Add(new PrequentialEvent(0, 11, IsPositive: true));
        for (var item = 0; item < 11; item++) history.Add(new PrequentialEvent(1, item, IsPositive: false));
        var scores = new float[12];
        scores[11] = 5f; // rated by user 0, so it must not count against the target

        Assert.Equal(hit, PrequentialRanking.IsHit(scores, new PrequentialEvent(0, target, IsPositive: true), history));
    }

    [Fact]
    public void AnItemTheUserAlreadyRatedIsNeverAHit()
    {
        var history = new PrequentialHistory(users: 1, items: 3);
        history.Add(new PrequentialEvent(0, 2, IsPositive: true));
        Assert.False(PrequentialRanking.IsHit(new float[3], new PrequentialEvent(0, 2, IsPositive: true), history));
    }
}
