namespace OnlineRecs.Core.Evaluation;

/// <summary>§4.3's hit test: is the event's item in its user's top 10 among the seen items the user has not rated?</summary>
internal static class PrequentialRanking
{
    public const int K = 10;

    /// <summary>
    /// Counts the candidates ranked ahead of the item (a higher score, or an equal score and a lower index) instead
    /// of sorting: the item is in the top K exactly when fewer than K are. Rated items are all seen, so they are
    /// counted over the seen items and then taken back out.
    /// </summary>
    public static bool IsHit(ReadOnlySpan<float> scores, PrequentialEvent e, PrequentialHistory history)
    {
        var rated = history.Rated[e.User];
        if (rated.Contains(e.Item)) return false;
        var target = scores[e.Item];
        var ahead = 0;
        foreach (var j in history.SeenItems)
            if (IsAhead(scores[j], j, target, e.Item)) ahead++;
        foreach (var j in rated)
            if (IsAhead(scores[j], j, target, e.Item)) ahead--;
        return ahead < K;
    }

    private static bool IsAhead(float score, int item, float targetScore, int target) =>
        score > targetScore || (score == targetScore && item < target);
}
