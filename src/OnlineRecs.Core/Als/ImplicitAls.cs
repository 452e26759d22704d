using System.Diagnostics;
using System.Numerics.Tensors;
using OnlineRecs.Core.Sparse;

namespace OnlineRecs.Core.Als;

/// <summary>
/// Matrix factorization for implicit feedback by alternating least squares (Hu, Koren &amp; Volinsky
/// 2008). Every observed interaction rᵤᵢ means preference pᵤᵢ = 1 with confidence cᵤᵢ = 1 + α·rᵤᵢ;
/// every other pair means pᵤᵢ = 0 with confidence 1. Factors are row-major float arrays.
/// Fit must not overlap other calls; fold-ins and vector reads may run concurrently with each other.
/// </summary>
public sealed class ImplicitAls
{
    private const int UserSide = 0;
    private const int ItemSide = 1;

    private float[] _userFactors = [];
    private float[] _itemFactors = [];
    private ImplicitNormalEquations? _userFoldIn;
    private ImplicitNormalEquations? _itemFoldIn;

    /// <summary>An untrained model; the first <see cref="Fit"/> starts from random factors.</summary>
    public ImplicitAls(AlsOptions options)
    {
        options.Validate();
        Options = options;
    }

    /// <summary>A model over existing factors (e.g. loaded from storage), ready for fold-ins and warm-started fits.</summary>
    public ImplicitAls(AlsOptions options, float[] userFactors, float[] itemFactors) : this(options)
    {
        if (userFactors.Length % Factors != 0 || itemFactors.Length % Factors != 0)
            throw new ArgumentException($"Factor arrays must hold whole rows of {Factors} values.");
        _userFactors = userFactors;
        _itemFactors = itemFactors;
        PrepareFoldIns(null);
    }

    /// <summary>The hyper-parameters this model was built with.</summary>
    public AlsOptions Options { get; }

    /// <summary>k, the length of every factor vector.</summary>
    public int Factors => Options.Factors;

    /// <summary>Users with a factor vector.</summary>
    public int UserCount => _userFactors.Length / Factors;

    /// <summary>Items with a factor vector.</summary>
    public int ItemCount => _itemFactors.Length / Factors;

    /// <summary>X, row-major UserCount × Factors.</summary>
    public float[] UserFactors => _userFactors;

    /// <summary>Y, row-major ItemCount × Factors.</summary>
    public float[] ItemFactors => _itemFactors;

    /// <summary>xᵤ, the factor vector of one user.</summary>
    public ReadOnlySpan<float> UserVector(int user) => _userFactors.AsSpan(user * Factors, Factors);

    /// <summary>yᵢ, the factor vector of one item.</summary>
    public ReadOnlySpan<float> ItemVector(int item) => _itemFactors.AsSpan(item * Factors, Factors);

    /// <summary>
    /// Runs <see cref="AlsOptions.Iterations"/> iterations on a users × items matrix of raw interaction
    /// values. Continues from the current factors (a warm start); users and items beyond the current
    /// ones, as when the matrix has grown, start from random factors.
    /// </summary>
    public void Fit(CsrMatrix userItems, IProgress<AlsProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(userItems);
        ValidateColumns(userItems);
        Grow(userItems.Rows, userItems.Cols);

        var k = Factors;
        var threads = Options.Threads;
        var itemUsers = userItems.Transpose();
        var userBounds = RowPartitioner.Balance(userItems, k, threads * FactorSweep.PartsPerThread);
        var itemBounds = RowPartitioner.Balance(itemUsers, k, threads * FactorSweep.PartsPerThread);
        Func<IRowSolver> createSolver = Options.Solver == AlsSolver.Cholesky
            ? () => new CholeskySolver(k)
            : () => new ConjugateGradientSolver(k, Options.CgSteps);

        ImplicitNormalEquations? usersFixed = null;
        for (var iteration = 1; iteration <= Options.Iterations; iteration++)
        {
            ct.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            FactorSweep.Run(userItems, _userFactors, EquationsWithFixed(_itemFactors), userBounds, createSolver, threads, ct);
            usersFixed = EquationsWithFixed(_userFactors);
            FactorSweep.Run(itemUsers, _itemFactors, usersFixed, itemBounds, createSolver, threads, ct);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            progress?.Report(new AlsProgress(iteration, seconds, Options.ComputeObjective ? Objective(userItems) : null));
        }
        PrepareFoldIns(usersFixed);
    }

    /// <summary>Hu et al. eq. 3 for the current factors on a users × items matrix of raw interaction values.</summary>
    public double Objective(CsrMatrix userItems)
    {
        if (userItems.Rows > UserCount || userItems.Cols > ItemCount)
            throw new ArgumentException("The matrix has users or items the model has no factors for.", nameof(userItems));
        return ImplicitObjective.Compute(userItems, _userFactors, _itemFactors, Factors, Options.Alpha, Options.Regularization);
    }

    /// <summary>The exact least-squares vector for a user with these interactions, given the current item factors.</summary>
    public float[] RecalculateUser(ReadOnlySpan<int> items, ReadOnlySpan<float> values)
    {
        var user = new float[Factors];
        RecalculateUser(items, values, user);
        return user;
    }

    /// <summary>Writes the exact least-squares user vector for these interactions into <paramref name="destination"/>.</summary>
    public void RecalculateUser(ReadOnlySpan<int> items, ReadOnlySpan<float> values, Span<float> destination) =>
        FoldIn(_userFoldIn, ItemCount, items, values, destination);

    /// <summary>The exact least-squares vector for an item with interactions from these users, given the current user factors.</summary>
    public float[] RecalculateItem(ReadOnlySpan<int> users, ReadOnlySpan<float> values)
    {
        var item = new float[Factors];
        RecalculateItem(users, values, item);
        return item;
    }

    /// <summary>Writes the exact least-squares item vector for these interactions into <paramref name="destination"/>.</summary>
    public void RecalculateItem(ReadOnlySpan<int> users, ReadOnlySpan<float> values, Span<float> destination) =>
        FoldIn(_itemFoldIn, UserCount, users, values, destination);

    private void FoldIn(ImplicitNormalEquations? equations, int fixedCount, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<float> destination)
    {
        if (equations is null) throw new InvalidOperationException("The model has no factors yet; call Fit first.");
        if (columns.Length != values.Length) throw new ArgumentException("Indices and values differ in length.", nameof(values));
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Factors, nameof(destination));
        foreach (var column in columns)
            if ((uint)column >= (uint)fixedCount) throw new ArgumentOutOfRangeException(nameof(columns), $"Index {column} has no factors.");
        CholeskySolver.ForCurrentThread(Factors).Solve(equations, columns, values, destination[..Factors]);
    }

    private ImplicitNormalEquations EquationsWithFixed(float[] fixedFactors) =>
        ImplicitNormalEquations.For(fixedFactors, Factors, Options.Regularization, Options.Alpha, Options.Threads);

    // The last item sweep already built the equations with users fixed; only the item side needs a fresh Gram.
    private void PrepareFoldIns(ImplicitNormalEquations? usersFixed)
    {
        _userFoldIn = EquationsWithFixed(_itemFactors);
        _itemFoldIn = usersFixed ?? EquationsWithFixed(_userFactors);
    }

    private void Grow(int users, int items)
    {
        if (users < UserCount || items < ItemCount)
            throw new ArgumentException($"The matrix ({users} × {items}) is smaller than the model ({UserCount} × {ItemCount}); warm starts only add rows.");
        _userFactors = Grown(_userFactors, users, UserSide);
        _itemFactors = Grown(_itemFactors, items, ItemSide);
    }

    private float[] Grown(float[] factors, int rows, int side)
    {
        if (rows * Factors == factors.Length) return factors;
        var grown = new float[rows * Factors];
        factors.CopyTo(grown, 0);
        RandomFactorInitializer.Fill(grown, Factors, factors.Length / Factors, Options.Seed, side);
        return grown;
    }

    private static void ValidateColumns(CsrMatrix matrix)
    {
        if (matrix.NonZeros == 0) return;
        if (TensorPrimitives.Min<int>(matrix.Columns) < 0 || TensorPrimitives.Max<int>(matrix.Columns) >= matrix.Cols)
            throw new ArgumentException("The matrix has column indices outside its width.", nameof(matrix));
    }
}
