using System.Numerics.Tensors;
using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Als;

/// <summary>
/// Hu et al. eq. 3, L = Σᵤᵢ cᵤᵢ(pᵤᵢ − xᵤᵀyᵢ)² + λ(Σᵤ‖xᵤ‖² + Σᵢ‖yᵢ‖²), without visiting the
/// unobserved pairs: their terms (xᵤᵀyᵢ)² sum to xᵤᵀ(YᵀY)xᵤ over all items, and each observed
/// pair then swaps its (xᵤᵀyᵢ)² for cᵤᵢ(1 − xᵤᵀyᵢ)².
/// </summary>
internal static class ImplicitObjective
{
    public static double Compute(CsrMatrix userItems, float[] users, float[] items, int k, float alpha, float regularization)
    {
        var gram = GramMatrix.Compute(items, k, 0f, 1);
        var gramRows = Enumerable.Range(0, k).ToArray();
        var gramTimesUser = new float[k];
        var loss = 0.0;
        for (var u = 0; u < userItems.Rows; u++)
        {
            var x = users.AsSpan(u * k, k);
            gramTimesUser.AsSpan().Clear();
            FactorKernels.AddWeightedRows(gram, k, gramRows, x, gramTimesUser);
            loss += TensorPrimitives.Dot<float>(x, gramTimesUser);

            var columns = userItems.RowColumns(u);
            var values = userItems.RowValues(u);
            for (var t = 0; t < columns.Length; t++)
            {
                double score = TensorPrimitives.Dot<float>(x, items.AsSpan(columns[t] * k, k));
                var confidence = 1.0 + alpha * values[t];
                loss += confidence * (1 - score) * (1 - score) - score * score;
            }
        }
        var squaredNorms = (double)TensorPrimitives.SumOfSquares<float>(users) + TensorPrimitives.SumOfSquares<float>(items);
        return loss + regularization * squaredNorms;
    }
}
