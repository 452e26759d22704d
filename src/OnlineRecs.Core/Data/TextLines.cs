using System.Text;

namespace OnlineRecs.Core.Data;

/// <summary>A small metadata file's non-empty lines, decoded, with their 1-based line numbers.</summary>
internal static class TextLines
{
    public static IEnumerable<(int Number, string Text)> Read(string path, Encoding encoding)
    {
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (text.Length > 0) yield return (number, text);
        }
    }
}
