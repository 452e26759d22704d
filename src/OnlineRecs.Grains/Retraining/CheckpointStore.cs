using Microsoft.Extensions.Options;
using Orleans.Serialization;
using OnlineRecs.Grains.Ingest;

namespace OnlineRecs.Grains.Retraining;

/// <summary>
/// Completed model versions on disk, under <c>checkpoints/</c> in the data folder: one <see cref="ChecksummedFrame"/>
/// written to a temporary file, fsynced, then renamed into place, so a crash at any moment leaves the last good checkpoint readable.
/// The newest two are kept.
/// </summary>
public sealed class CheckpointStore(IOptions<IngestOptions> options, Serializer serializer)
{
    private const string Extension = ".ckpt";
    private const int Kept = 2;

    private string Directory => Path.Combine(options.Value.DataDirectory, "checkpoints");

    public void Save(ModelCheckpoint checkpoint)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var payload = serializer.SerializeToArray(checkpoint);
        var path = PathOf(checkpoint.Version);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            ChecksummedFrame.Write(file, payload);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
        foreach (var old in Versions().Skip(Kept)) File.Delete(PathOf(old));
    }

    /// <summary>The newest checkpoint that reads back whole, or null when there is none.</summary>
    public ModelCheckpoint? Latest()
    {
        foreach (var version in Versions())
            if (TryRead(PathOf(version)) is { } checkpoint) return checkpoint;
        return null;
    }

    private ModelCheckpoint? TryRead(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return ChecksummedFrame.TryRead(file, int.MaxValue) is { } payload ? serializer.Deserialize<ModelCheckpoint>(payload) : null;
    }

    /// <summary>Checkpoint versions on disk, newest first.</summary>
    private IEnumerable<long> Versions()
    {
        if (!System.IO.Directory.Exists(Directory)) return [];
        return System.IO.Directory.EnumerateFiles(Directory, "model-*" + Extension)
            .Select(p => long.TryParse(Path.GetFileNameWithoutExtension(p)["model-".Length..], out var v) ? v : -1)
            .Where(v => v >= 0).OrderDescending().ToArray();
    }

    private string PathOf(long version) => Path.Combine(Directory, $"model-{version:D8}{Extension}");
}
