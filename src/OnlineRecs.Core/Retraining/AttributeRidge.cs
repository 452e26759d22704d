using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Retraining;

/// <summary>
/// Attribute-to-factor mapping (Gantner et al. 2010) by ridge regression: the feature embeddings W that best give
/// each entity's factors from its metadata row, W = argmin ‖XW − Y‖² + λ‖W‖². It is solved by conjugate gradient on
/// the normal equations (XᵀX + λI)W = XᵀY, one column of W per factor, so that no features × features matrix is
/// ever formed and a thousand tags cost no more than the non-zeros of X.
/// </summary>
public static class AttributeRidge
{
    private const int MaxIterations = 100;
    private const double Tolerance = 1e-10;

    /// <param name="x">Entities × features (metadata weights).</param>
    /// <param name="y">Entities × <paramref name="k"/> target factors, row-major.</param>
    /// <returns>W, features × <paramref name="k"/>, row-major.</returns>
    public static float[] Fit(CsrMatrix x, float[] y, int k, float lambda)
    {
        if (y.Length != x.Rows * k) throw new ArgumentException("Y needs one row of k factors per row of X.", nameof(y));
        if (!(lambda > 0)) throw new ArgumentOutOfRangeException(nameof(lambda), "The ridge penalty must be positive.");
        var features = x.Cols;
        var w = new double[features * k];
        var r = TransposeTimes(x, Array.ConvertAll(y, v => (double)v), k);   // r = XᵀY − A·0
        var p = (double[])r.Clone();
        var ap = new double[features * k];
        var rr = ColumnDots(r, r, k);
        var start = rr.Max();
        for (var iteration = 0; iteration < MaxIterations && rr.Max() > Tolerance * Math.Max(start, 1e-30); iteration++)
        {
            Apply(x, p, k, lambda, ap);
            var pap = ColumnDots(p, ap, k);
            var alpha = new double[k];
            for (var c = 0; c < k; c++) alpha[c] = pap[c] > 0 ? rr[c] / pap[c] : 0;
            for (var n = 0; n < w.Length; n++)
            {
                w[n] += alpha[n % k] * p[n];
                r[n] -= alpha[n % k] * ap[n];
            }
            var next = ColumnDots(r, r, k);
            for (var n = 0; n < p.Length; n++) p[n] = r[n] + (rr[n % k] > 0 ? next[n % k] / rr[n % k] : 0) * p[n];
            rr = next;
        }
        return Array.ConvertAll(w, v => (float)v);
    }

    /// <summary>A·P = Xᵀ(X·P) + λP.</summary>
    private static void Apply(CsrMatrix x, double[] p, int k, float lambda, double[] into)
    {
        var xp = new double[x.Rows * k];
        for (var row = 0; row < x.Rows; row++)
        {
            var columns = x.RowColumns(row);
            var values = x.RowValues(row);
            for (var n = 0; n < columns.Length; n++)
                for (var c = 0; c < k; c++) xp[row * k + c] += values[n] * p[columns[n] * k + c];
        }
        var xtxp = TransposeTimes(x, xp, k);
        for (var n = 0; n < into.Length; n++) into[n] = xtxp[n] + lambda * p[n];
    }

    /// <summary>Xᵀ·Z for Z rows × k.</summary>
    private static double[] TransposeTimes(CsrMatrix x, double[] z, int k)
    {
        var result = new double[x.Cols * k];
        for (var row = 0; row < x.Rows; row++)
        {
            var columns = x.RowColumns(row);
            var values = x.RowValues(row);
            for (var n = 0; n < columns.Length; n++)
                for (var c = 0; c < k; c++) result[columns[n] * k + c] += values[n] * z[row * k + c];
        }
        return result;
    }

    private static double[] ColumnDots(double[] a, double[] b, int k)
    {
        var dots = new double[k];
        for (var n = 0; n < a.Length; n++) dots[n % k] += a[n] * b[n];
        return dots;
    }
}
