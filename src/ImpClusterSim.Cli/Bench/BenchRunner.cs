using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;

namespace ImpClusterSim.Cli.Bench;

/// <summary>
/// Runs measurements several times and gathers each figure's values: repetition 1 runs every measurement in order,
/// then repetition 2, and so on, so a change of machine load during the bench shows in every figure's spread rather
/// than in one figure. Figures come out in the order they were first measured.
/// </summary>
public static class BenchRunner
{
    /// <summary>
    /// Runs <paramref name="measurements"/> <paramref name="repetitions"/> times (at least 1); <paramref name="progress"/>
    /// receives a line before each step ("[3/15] repetition 1 of 3: (b) ...") and after it (its wall seconds).
    /// </summary>
    public static ImmutableArray<BenchFigure> Run(IReadOnlyList<BenchMeasurement> measurements, int repetitions, Action<string> progress)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        var order = new List<(FigureSpec Figure, string Group)>();
        var values = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var steps = measurements.Count * repetitions;
        var step = 0;
        for (var r = 1; r <= repetitions; r++)
        {
            foreach (var m in measurements)
            {
                step++;
                progress(string.Create(CultureInfo.InvariantCulture, $"[{step}/{steps}] repetition {r} of {repetitions}: {m.Title} ..."));
                var wall = Stopwatch.StartNew();
                foreach (var sample in m.Measure())
                {
                    if (!values.TryGetValue(sample.Figure.Id, out var list))
                    {
                        values[sample.Figure.Id] = list = [];
                        order.Add((sample.Figure, m.Id));
                    }
                    list.Add(sample.Value);
                }
                progress(string.Create(CultureInfo.InvariantCulture, $"[{step}/{steps}] done in {wall.Elapsed.TotalSeconds:0.0} s"));
            }
        }
        return [.. order.Select(o => new BenchFigure(o.Figure.Id, o.Group, o.Figure.Description, o.Figure.Unit, o.Figure.Target, [.. values[o.Figure.Id]]))];
    }
}
