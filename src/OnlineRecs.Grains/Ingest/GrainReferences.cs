using System.Collections.Concurrent;

namespace OnlineRecs.Grains.Ingest;

/// <summary>
/// References to one kind of grain by key, each made once. <see cref="IGrainFactory.GetGrain{TGrainInterface}(long, string)"/>
/// resolves the interface's grain type through its attributes on every call, and a group calls thousands of grains: a
/// CPU profile of ingest put ~8% of the silo in it. One reference per user or item the model knows, as the index keeps.
/// </summary>
internal sealed class GrainReferences<TGrain>(IGrainFactory grains) where TGrain : IGrainWithIntegerKey
{
    private readonly ConcurrentDictionary<long, TGrain> _references = new();

    public TGrain this[long key] => _references.GetOrAdd(key, static (id, factory) => factory.GetGrain<TGrain>(id), grains);
}
