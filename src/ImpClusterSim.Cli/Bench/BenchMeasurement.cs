namespace ImpClusterSim.Cli.Bench;

/// <summary>What a figure is and what it should be; a measurement returns values of several of them.</summary>
/// <param name="Id">Stable name of the figure (the JSON <c>id</c>), e.g. <c>day-wall</c>.</param>
/// <param name="Description">What was measured, in words.</param>
/// <param name="Unit">Unit of the values.</param>
/// <param name="Target">What the figure should be, and where that comes from.</param>
public sealed record FigureSpec(string Id, string Description, string Unit, BenchTarget Target);

/// <summary>One value of one figure, measured in one repetition.</summary>
public sealed record BenchSample(FigureSpec Figure, double Value);

/// <summary>
/// One measurement of <c>impsim bench</c>: <see cref="Measure"/> runs it once on this machine (wall clock) and returns
/// a value for each of its figures. <see cref="Id"/> is what <c>--only</c> takes; <see cref="Suite"/> is
/// <c>kernel</c> or <c>pki</c> (<c>--kernel</c>, <c>--pki</c>).
/// </summary>
public sealed record BenchMeasurement(string Id, string Suite, string Title, Func<IReadOnlyList<BenchSample>> Measure);
