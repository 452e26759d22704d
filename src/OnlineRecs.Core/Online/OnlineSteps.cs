namespace OnlineRecs.Core.Online;

/// <summary>
/// How many loss steps an arriving positive gets: <c>baseSteps/√n</c> for a user with n positives, at least one.
/// A new user learns fast from its first events while an established one does not overfit its latest item.
/// </summary>
public static class OnlineSteps
{
    public const int Default = 40;

    public static int For(int baseSteps, int positives) =>
        Math.Max(1, (int)MathF.Round(baseSteps / MathF.Sqrt(Math.Max(1, positives))));
}
