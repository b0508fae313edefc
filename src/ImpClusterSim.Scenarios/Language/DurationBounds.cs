using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>
/// The closed range of virtual-time durations a value may take, inclusive at both ends, with why the range is what it
/// is. <see cref="Check"/> gives the one message every input path (scenario file, <c>--until</c>, shell, <c>--set</c>)
/// prints for a value outside it.
/// </summary>
public sealed record DurationBounds(TimeSpan Min, TimeSpan Max, string Why)
{
    public bool Contains(TimeSpan value) => value >= Min && value <= Max;

    /// <summary>Null when <paramref name="value"/> is in range, else "'key': 0s is out of range: ... from 1s to 1d (why)".</summary>
    public string? Check(string key, TimeSpan value) =>
        Contains(value) ? null : $"'{key}': {DurationText.Format(value)} is out of range: {Why} must be from {DurationText.Format(Min)} to {DurationText.Format(Max)}";

    public override string ToString() => $"{DurationText.Format(Min)}..{DurationText.Format(Max)}";
}
