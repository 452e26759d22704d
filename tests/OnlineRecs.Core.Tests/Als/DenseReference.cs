using MathNet.Numerics.LinearAlgebra;
using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Tests.Als;

/// <summary>Hu et al.'s formulas evaluated literally, over every user–item pair, in double precision.</summary>
internal static class DenseReference
{
    /// <summary>Eq. 3: Σᵤᵢ cᵤᵢ(pᵤᵢ − xᵤᵀyᵢ)² + λ(Σ‖xᵤ‖² + Σ‖yᵢ‖²).</summary>
    public static double Objective(CsrMatrix userItems, float[] users, float[] items, int k, float alpha, float lambda)
    {
        var dense = Densify(userItems);
        var loss = 0.0;
        for (var u = 0; u < userItems.Rows; u++)
            for (var i = 0; i < userItems.Cols; i++)
            {
                var score = 0.0;
                for (var f = 0; f < k; f++) score += (double)users[u * k + f] * items[i * k + f];
                var observed = dense[u, i] is not null;
                var confidence = 1 + alpha * (dense[u, i] ?? 0);
                var preference = observed ? 1.0 : 0.0;
                loss += confidence * (preference - score) * (preference - score);
            }
        var norms = users.Sum(v => (double)v * v) + items.Sum(v => (double)v * v);
        return loss + lambda * norms;
    }

    /// <summary>Eq. 4: xᵤ = (YᵀCᵤY + λI)⁻¹YᵀCᵤp(u), with Cᵤ spelled out over all fixed rows.</summary>
    public static double[] ExactRow(float[] fixedFactors, int k, int[] columns, float[] values, float alpha, float lambda)
    {
        var n = fixedFactors.Length / k;
        var y = Matrix<double>.Build.Dense(n, k, (i, f) => fixedFactors[i * k + f]);
        var confidence = Vector<double>.Build.Dense(n, 1.0);
        var preference = Vector<double>.Build.Dense(n);
        for (var t = 0; t < columns.Length; t++)
        {
            confidence[columns[t]] = 1 + alpha * values[t];
            preference[columns[t]] = 1;
        }
        var c = Matrix<double>.Build.DiagonalOfDiagonalVector(confidence);
        var a = y.Transpose() * c * y + lambda * Matrix<double>.Build.DenseIdentity(k);
        var b = y.Transpose() * (c * preference);
        return a.Solve(b).ToArray();
    }

    private static float?[,] Densify(CsrMatrix m)
    {
        var dense = new float?[m.Rows, m.Cols];
        for (var r = 0; r < m.Rows; r++)
        {
            var columns = m.RowColumns(r);
            var values = m.RowValues(r);
            for (var t = 0; t < columns.Length; t++) dense[r, columns[t]] = values[t];
        }
        return dense;
    }
}
