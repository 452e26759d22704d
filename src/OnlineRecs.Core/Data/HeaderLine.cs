namespace OnlineRecs.Core.Data;

/// <summary>Tells a header line from data: a header's first field is a column name such as <c>userId</c>, so it holds letters.</summary>
internal static class HeaderLine
{
    public static bool IsHeader(ReadOnlySpan<byte> firstField) =>
        firstField.IndexOfAnyInRange((byte)'A', (byte)'Z') >= 0 || firstField.IndexOfAnyInRange((byte)'a', (byte)'z') >= 0;

    public static bool IsHeader(ReadOnlySpan<char> firstField) =>
        firstField.IndexOfAnyInRange('A', 'Z') >= 0 || firstField.IndexOfAnyInRange('a', 'z') >= 0;
}
