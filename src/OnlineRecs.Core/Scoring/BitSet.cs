namespace OnlineRecs.Core.Scoring;

/// <summary>A growable set of non-negative ints stored one bit each; indices past the end read as absent.</summary>
internal sealed class BitSet
{
    private ulong[] _words = [];

    public bool Contains(int index) =>
        (uint)(index >> 6) < (uint)_words.Length && (_words[index >> 6] & (1UL << index)) != 0;

    public void Add(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var word = index >> 6;
        if (word >= _words.Length) Array.Resize(ref _words, Math.Max(word + 1, _words.Length * 2));
        _words[word] |= 1UL << index;
    }

    public void Remove(int index)
    {
        if ((uint)(index >> 6) < (uint)_words.Length) _words[index >> 6] &= ~(1UL << index);
    }

    /// <summary>The eight membership bits of indices <c>8 * byteIndex .. 8 * byteIndex + 7</c>, lowest index in bit 0.</summary>
    public uint ByteAt(int byteIndex)
    {
        var word = byteIndex >> 3;
        return word < _words.Length ? (uint)(_words[word] >> ((byteIndex & 7) * 8)) & 0xFF : 0;
    }
}
