namespace OnlineRecs.Core.Data;

/// <summary>
/// Splits and writes CSV fields following RFC 4180: a field in double quotes may hold commas,
/// and a doubled quote inside it stands for one quote. Records spanning lines are not supported.
/// </summary>
internal static class CsvLine
{
    public static List<string> Split(string line, string file, int lineNumber)
    {
        var fields = new List<string>(4);
        var position = 0;
        while (true)
        {
            if (position < line.Length && line[position] == '"')
                position = ReadQuoted(line, position, fields, file, lineNumber);
            else
            {
                var comma = line.IndexOf(',', position);
                var end = comma < 0 ? line.Length : comma;
                fields.Add(line[position..end]);
                position = end;
            }
            if (position == line.Length) return fields;
            position++;
        }
    }

    /// <summary>The field as written in a line: in quotes, with inner quotes doubled, if it holds a comma or a quote.</summary>
    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(',', '"') < 0 ? field : $"\"{field.Replace("\"", "\"\"")}\"";

    /// <summary>Reads the quoted field starting at <paramref name="start"/>; returns the index just after it.</summary>
    private static int ReadQuoted(string line, int start, List<string> fields, string file, int lineNumber)
    {
        var value = new System.Text.StringBuilder();
        var position = start + 1;
        while (true)
        {
            var quote = line.IndexOf('"', position);
            if (quote < 0) throw new DataFormatException(file, lineNumber, "a quoted field is not closed");
            value.Append(line, position, quote - position);
            if (quote + 1 < line.Length && line[quote + 1] == '"')
            {
                value.Append('"');
                position = quote + 2;
                continue;
            }
            position = quote + 1;
            if (position < line.Length && line[position] != ',')
                throw new DataFormatException(file, lineNumber, "a closing quote is not followed by a comma");
            fields.Add(value.ToString());
            return position;
        }
    }
}
