using System.Buffers.Binary;
using System.IO.Hashing;

namespace OnlineRecs.Grains;

/// <summary>
/// The on-disk unit of the event log and of checkpoints: [payload length][CRC-32 of the payload][payload]. A frame
/// cut short by a crash, or damaged, fails its check and reads as absent.
/// </summary>
public static class ChecksummedFrame
{
    private const int HeaderBytes = 8;

    public static void Write(Stream stream, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        BinaryPrimitives.WriteInt32LittleEndian(header, payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], Crc32.HashToUInt32(payload));
        stream.Write(header);
        stream.Write(payload);
    }

    /// <summary>The next whole frame's payload, or null at the end of the stream or at a torn or damaged frame.</summary>
    public static byte[]? TryRead(Stream stream, int maxPayloadBytes)
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        if (stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) < HeaderBytes) return null;
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        if (length <= 0 || length > maxPayloadBytes) return null;
        var payload = new byte[length];
        if (stream.ReadAtLeast(payload, length, throwOnEndOfStream: false) < length) return null;
        return Crc32.HashToUInt32(payload) == crc ? payload : null;
    }
}
