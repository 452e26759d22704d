namespace OnlineRecs.Core.Data;

/// <summary>A data file that cannot be read, naming the file, the 1-based line and what is wrong.</summary>
public sealed class DataFormatException(string file, int line, string problem)
    : Exception(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string Problem { get; } = problem;
}
