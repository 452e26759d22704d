using Orleans.Services;

namespace OnlineRecs.Grains.Users;

/// <summary>A silo's <see cref="UnlearnedAcknowledgements"/>, for a user grain that another silo hosts.</summary>
public interface ISiloAcknowledgements : IGrainService
{
    /// <summary>The newest event of the user that this silo acknowledged and has not learned yet, 0 when there is none.</summary>
    Task<long> NewestUnlearned(int userId);
}
