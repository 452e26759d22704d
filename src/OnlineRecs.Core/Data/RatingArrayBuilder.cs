namespace OnlineRecs.Core.Data;

/// <summary>
/// Collects ratings in fixed-size chunks and copies them once into an exact-size array, so a
/// 25-million-line file never holds the doubled arrays a growing list would.
/// </summary>
internal sealed class RatingArrayBuilder
{
    private const int ChunkSize = 1 << 20;
    private readonly List<Rating[]> _fullChunks = [];
    private Rating[] _current = new Rating[1024];
    private int _countInCurrent;

    public int Count => _fullChunks.Count * ChunkSize + _countInCurrent;

    public void Add(in Rating rating)
    {
        if (_countInCurrent == _current.Length) MakeRoom();
        _current[_countInCurrent++] = rating;
    }

    public Rating[] ToArray()
    {
        var all = new Rating[Count];
        var offset = 0;
        foreach (var chunk in _fullChunks)
        {
            chunk.CopyTo(all, offset);
            offset += chunk.Length;
        }
        _current.AsSpan(0, _countInCurrent).CopyTo(all.AsSpan(offset));
        return all;
    }

    private void MakeRoom()
    {
        // Small files grow the first chunk by doubling; once it reaches full size it is kept as is.
        if (_current.Length < ChunkSize)
        {
            Array.Resize(ref _current, _current.Length * 2);
            return;
        }
        _fullChunks.Add(_current);
        _current = new Rating[ChunkSize];
        _countInCurrent = 0;
    }
}
