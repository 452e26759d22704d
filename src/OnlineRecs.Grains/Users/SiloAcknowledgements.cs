using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace OnlineRecs.Grains.Users;

/// <summary>Every silo runs one: it answers from the silo's own table and never waits.</summary>
[Reentrant]
public sealed class SiloAcknowledgements(GrainId id, Silo silo, ILoggerFactory loggers, UnlearnedAcknowledgements unlearned)
    : GrainService(id, silo, loggers), ISiloAcknowledgements
{
    public Task<long> NewestUnlearned(int userId) => Task.FromResult(unlearned.Newest(userId));
}
