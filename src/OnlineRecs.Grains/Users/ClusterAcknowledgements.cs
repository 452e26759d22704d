using Orleans.Runtime.Services;

namespace OnlineRecs.Grains.Users;

/// <summary>
/// Read-your-writes across silos: the newest event of a user that any silo acknowledged and has not learned yet. A silo
/// acknowledges without telling the user grain, which may not be active anywhere (telling it would activate it, and a
/// stream of new users made that the slowest part of an acknowledgement); a query asks instead. This silo's table is
/// read in place, each other active silo's by one call to its <see cref="ISiloAcknowledgements"/>, so a lone silo
/// makes none. A silo that has left the cluster cannot learn what it acknowledged until it is back, so it is not asked.
/// </summary>
public sealed class ClusterAcknowledgements(
    IServiceProvider services, UnlearnedAcknowledgements local, IClusterMembershipService membership, ILocalSiloDetails silo)
    : GrainServiceClient<ISiloAcknowledgements>(services)
{
    // Replaced whole, never changed in place: queries on several threads read it at once.
    private OtherSilos _others = new(MembershipVersion.MinValue, []);

    public async ValueTask<long> NewestUnlearned(int userId)
    {
        var newest = local.Newest(userId);
        var others = OthersNow();
        if (others.Length == 0) return newest;
        var answers = await Task.WhenAll(others.Select(s => s.NewestUnlearned(userId)));
        return Math.Max(newest, answers.Max());
    }

    /// <summary>The other active silos' services, found again only when the membership changes.</summary>
    private ISiloAcknowledgements[] OthersNow()
    {
        var snapshot = membership.CurrentSnapshot;
        var known = Volatile.Read(ref _others);
        if (known.Version == snapshot.Version) return known.Services;
        ISiloAcknowledgements[] services = [.. snapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(silo.SiloAddress))
            .Select(m => GetGrainService(m.SiloAddress))];
        Volatile.Write(ref _others, new OtherSilos(snapshot.Version, services));
        return services;
    }

    private sealed record OtherSilos(MembershipVersion Version, ISiloAcknowledgements[] Services);
}
