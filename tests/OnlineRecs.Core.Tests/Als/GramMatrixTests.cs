using OnlineRecs.Core.Als;

namespace OnlineRecs.Core.Tests.Als;

public class GramMatrixTests
{
    [Theory]
    [InlineData(1, 10, 1)]
    [InlineData(700, 10, 2)]
    [InlineData(700, 64, 2)]
    [InlineData(300, 72, 1)]
    public void MatchesTheDefinitionAndIsSymmetric(int rows, int k, int threads)
    {
        var random = new Random(rows + k);
        var factors = Enumerable.Range(0, rows * k).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        const float lambda = 0.25f;

        var gram = GramMatrix.Compute(factors, k, lambda, threads);

        for (var a = 0; a < k; a++)
            for (var b = 0; b < k; b++)
            {
                var expected = a == b ? lambda : 0.0;
                for (var r = 0; r < rows; r++) expected += (double)factors[r * k + a] * factors[r * k + b];
                Assert.Equal(expected, gram[a * k + b], 1e-4 * Math.Max(1, rows / 12.0));
                Assert.Equal(gram[a * k + b], gram[b * k + a]);
            }
    }
}
