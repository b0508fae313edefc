using System.Globalization;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Simulation.Randomness;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>
/// Draws the times of the steps written with a range (<c>at: 37m..1h7m</c>, <c>after: 0s..30m</c>) for one run
/// (docs/scenarios.md, "Seeded step times"): each such step's offset is uniform in [0, max − min] (whole ticks), from
/// the run's seed on a stream of its own per step (<c>step-time/&lt;index&gt;</c> of <see cref="RunRandomness"/>), so
/// it shifts no other draw of the run and no other step's. A step right after, or <c>after:</c>, a drawn step moves with
/// it, up to the next fixed <c>at</c>; the windows of checks counted from a label (<c>after:</c>, <c>until:</c>) follow
/// their step's drawn time. A scenario without ranges is returned as it is.
/// </summary>
public static class StepTimes
{
    /// <summary>The purpose of the per-step random streams.</summary>
    public const string Stream = "step-time";

    /// <summary>
    /// <paramref name="scenario"/> with every step at the time it is played with <paramref name="seed"/> (same seed, same
    /// times), and the check windows anchored to labels moved with their steps.
    /// </summary>
    public static Scenario Draw(Scenario scenario, ulong seed)
    {
        if (!scenario.Steps.Any(s => s.IsDrawn)) return scenario;
        var randomness = new RunRandomness(seed);
        var shift = TimeSpan.Zero;
        var steps = scenario.Steps.ToBuilder();
        var drawn = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Timing == StepTiming.At) shift = TimeSpan.Zero;
            if (step.IsDrawn)
            {
                var width = step.Range!.Max - step.Range.Min;
                var stream = randomness.Stream(Stream, step.Index.ToString(CultureInfo.InvariantCulture));
                shift += new DurationRange(TimeSpan.Zero, width).Draw(stream.NextDouble);
            }

            steps[i] = step with { At = step.At + shift, Spread = TimeSpan.Zero };
            if (step.Label is { } label) drawn[label] = steps[i].At;
        }

        CheckWindow Move(CheckWindow w)
        {
            if (w.Mode == CheckMode.At) return w;
            var from = w.AfterLabel is { } after ? drawn[after] : w.From;
            var to = w.Mode == CheckMode.Within ? from + (w.To - w.From) : w.UntilLabel is { } until ? drawn[until] : w.To;
            return w with { From = from, To = to };
        }

        return scenario with
        {
            Steps = steps.ToImmutable(),
            Expectations = [.. scenario.Expectations.Select(e => e with { When = Move(e.When) })],
            Assumptions = [.. scenario.Assumptions.Select(a => a with { When = Move(a.When) })],
        };
    }
}
