using OnlineRecs.Core.Als;
using OnlineRecs.Core.Hybrid;
using OnlineRecs.Core.Online;
using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Retraining;

/// <summary>
/// A full retrain by implicit ALS (Hu, Koren &amp; Volinsky 2008, conjugate gradient), put into the hybrid layout the
/// cluster serves and learns online with, score = q_u·p_i + b_u + b_i:
/// <list type="bullet">
/// <item>users are centred on the mean user x̄ and every item takes b_i = x̄·y_i, which leaves each warm score
/// x_u·y_i unchanged and gives a user known by metadata alone the average user's ranking rather than none;</item>
/// <item>ALS knows no metadata, so a ridge mapping from metadata to factors and bias (<see cref="AttributeRidge"/>)
/// gives the feature parameters, and each entity's identity holds the rest: a warm entity scores exactly as ALS
/// says, a cold one by its metadata;</item>
/// <item>ALS has no AdaGrad sums: each of an entity's sums starts at 1 + n, n its positives, as if every positive had
/// contributed a unit gradient, so well-known entities take small online steps and new ones large.</item>
/// </list>
/// </summary>
public static class AlsRetrain
{
    public static RetrainedModel Fit(RetrainInput input, RetrainSettings settings, IProgress<RetrainProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        var k = settings.Factors;
        var (users, items, interactions) = SnapshotInteractions.Of(input);

        var epochs = settings.EpochsOrDefault;
        var losses = new List<double>();
        var als = new ImplicitAls(new AlsOptions
        {
            Factors = k, Iterations = epochs, Alpha = settings.AlsAlpha, Regularization = settings.AlsRegularization,
            Threads = settings.Threads, Seed = (int)settings.Seed, ComputeObjective = true,
        });
        als.Fit(interactions, new SyncProgress<AlsProgress>(a =>
        {
            var loss = (a.Objective ?? 0) / Math.Max(1, interactions.NonZeros); // eq. 3 per observed interaction
            losses.Add(loss);
            progress?.Report(new RetrainProgress(a.Iteration, epochs, loss));
        }), cancellation);

        var meanUser = MeanRow(als.UserFactors, users, k);
        var userTargets = Targets(users, als.UserFactors, k, (row, vector) =>
        {
            for (var c = 0; c < k; c++) vector[c] -= meanUser[c];
            return 0f;
        });
        var itemTargets = Targets(items, als.ItemFactors, k, (row, vector) => Dot(meanUser, vector));
        var (userIdentities, userTable) = Split(input.Users, users, input.UserMetadata, userTargets, k, settings.RidgeRegularization, 1f);
        var (itemIdentities, itemTable) = Split(input.Items, items, input.ItemMetadata, itemTargets, k, settings.RidgeRegularization,
            settings.ItemIdentityWeight);
        return new RetrainedModel(userIdentities, itemIdentities, userTable, itemTable, [.. losses]);
    }

    /// <summary>Per row the k factors (adjusted by <paramref name="adjust"/>, which returns the bias) and the bias: k + 1 values.</summary>
    private static float[] Targets(SnapshotSide side, float[] factors, int k, Func<int, Span<float>, float> adjust)
    {
        var targets = new float[side.Count * (k + 1)];
        for (var row = 0; row < side.Count; row++)
        {
            if (!side.HasPositive(row)) continue;
            var target = targets.AsSpan(row * (k + 1), k + 1);
            factors.AsSpan(row * k, k).CopyTo(target);
            target[k] = adjust(row, target[..k]);
        }
        return targets;
    }

    /// <summary>One side's targets as metadata-feature parameters (ridge) plus identity residuals, divided by the identity's weight.</summary>
    private static (Dictionary<int, float[]>, FeatureTableParameters) Split(int[] ids, SnapshotSide side,
        IReadOnlyDictionary<int, string[]> metadata, float[] targets, int k, float lambda, float identityWeight)
    {
        var width = k + 1;
        var space = new FeatureSpace();
        var rows = space.Build(ids, metadata, _ => false);
        var fitted = Enumerable.Range(0, ids.Length).Where(r => side.HasPositive(r) && rows.RowLength(r) > 0).ToArray();
        var features = fitted.Length == 0 || space.Features.Count == 0
            ? new float[space.Features.Count * width]
            : AttributeRidge.Fit(SelectRows(rows, fitted), SelectRows(targets, fitted, width), width, lambda);

        var identities = new Dictionary<int, float[]>();
        var residual = new float[width];
        for (var row = 0; row < ids.Length; row++)
        {
            if (!side.HasPositive(row)) continue;
            targets.AsSpan(row * width, width).CopyTo(residual);
            var columns = rows.RowColumns(row);
            var weights = rows.RowValues(row);
            for (var n = 0; n < columns.Length; n++)
                for (var c = 0; c < width; c++) residual[c] -= weights[n] * features[columns[n] * width + c];
            for (var c = 0; c < width; c++) residual[c] /= identityWeight;
            identities[ids[row]] = Own(residual, k, evidence: 1f + side.Positives(row));
        }

        var names = space.Features.Ids.ToArray();
        var order = Enumerable.Range(0, names.Length).OrderBy(f => names[f], StringComparer.Ordinal).ToArray();
        return (identities, new FeatureTableParameters(
            [.. order.Select(f => names[f])],
            [.. order.Select(f => Own(features.AsSpan(f * width, width), k, evidence: 1f))]));
    }

    private static float[] Own(ReadOnlySpan<float> embeddingAndBias, int k, float evidence)
    {
        var own = new OwnParameters(new float[OwnParameters.Length(k)]);
        embeddingAndBias[..k].CopyTo(own.Embedding);
        own.Bias = embeddingAndBias[k];
        own.EmbeddingSquares.Fill(evidence);
        own.BiasSquares = evidence;
        return own.Values;
    }

    private static float[] MeanRow(float[] factors, SnapshotSide side, int k)
    {
        var mean = new double[k];
        var count = 0;
        for (var row = 0; row < side.Count; row++)
        {
            if (!side.HasPositive(row)) continue;
            count++;
            for (var c = 0; c < k; c++) mean[c] += factors[row * k + c];
        }
        return [.. mean.Select(m => count == 0 ? 0f : (float)(m / count))];
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    private static CsrMatrix SelectRows(CsrMatrix all, int[] rows)
    {
        var start = new int[rows.Length + 1];
        var columns = new List<int>();
        var values = new List<float>();
        for (var n = 0; n < rows.Length; n++)
        {
            columns.AddRange(all.RowColumns(rows[n]));
            values.AddRange(all.RowValues(rows[n]));
            start[n + 1] = columns.Count;
        }
        return new CsrMatrix(rows.Length, all.Cols, start, [.. columns], [.. values]);
    }

    private static float[] SelectRows(float[] all, int[] rows, int width)
    {
        var selected = new float[rows.Length * width];
        for (var n = 0; n < rows.Length; n++) all.AsSpan(rows[n] * width, width).CopyTo(selected.AsSpan(n * width, width));
        return selected;
    }
}
