namespace OnlineRecs.Core.Als;

/// <summary>Solves (or improves) one row's factors given the fixed side's normal equations.</summary>
internal interface IRowSolver
{
    /// <summary>Updates <paramref name="x"/> in place for a row with the given observed columns and raw values.</summary>
    void Solve(ImplicitNormalEquations equations, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<float> x);
}
