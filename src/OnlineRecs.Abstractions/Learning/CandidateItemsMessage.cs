using OnlineRecs.Core.Online;

namespace OnlineRecs.Abstractions.Learning;

/// <summary>
/// The items a batch learns against, as the index published them (see <see cref="CandidateItems"/>).
/// It travels immutable, so grains on one silo share one copy and one lookup. A whole catalogue is the same message group
/// after group, its rows redone by the index between groups, when no group holds it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CandidateItemsMessage(
    [property: Id(0)] int Factors,
    [property: Id(1)] int[] ItemIds,
    [property: Id(2)] float[] Vectors,
    [property: Id(3)] float[] Biases,
    [property: Id(4)] int SampleStart,
    [property: Id(5)] int CatalogueSize)
{
    [NonSerialized] private CandidateItems? _view;

    public CandidateItems View => _view ??= new CandidateItems(Factors, ItemIds, Vectors, Biases, SampleStart, CatalogueSize);
}
