namespace OnlineRecs.Core.Data;

/// <summary>Makes free-text tags comparable: lower case, trimmed, inner whitespace collapsed to one space.</summary>
public static class TagNormalizer
{
    /// <summary>Writes the normalized tag into <paramref name="destination"/> (at least as long as the tag) and returns its length.</summary>
    public static int Normalize(ReadOnlySpan<char> tag, Span<char> destination)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in tag.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) destination[length++] = ' ';
            pendingSpace = false;
            destination[length++] = char.ToLowerInvariant(c);
        }
        return length;
    }

    public static string Normalize(string tag)
    {
        var buffer = tag.Length <= 256 ? stackalloc char[tag.Length] : new char[tag.Length];
        return new string(buffer[..Normalize(tag, buffer)]);
    }
}
