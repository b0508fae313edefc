using ImpClusterSim.Domain.Time;
using ImpClusterSim.Scenarios.Outcome;

namespace ImpClusterSim.Scenarios.Studies;

/// <summary>How a time-to-condition is written in tables and reports: "1m20s after 'upload-ca'", "never (by 8h)".</summary>
public static class TimingText
{
    /// <summary>The time-to-condition of one check in one run; empty for a check without a window.</summary>
    public static string Of(ConditionTiming? timing) => timing switch
    {
        null => "",
        { FirstHeld: { } t } => $"{DurationText.Format(t)} {Anchor(timing)}",
        _ => $"never (by +{DurationText.Format(timing.Horizon)})",
    };

    /// <summary>"after 'label'" or "after the start".</summary>
    public static string Anchor(ConditionTiming timing) =>
        timing.AnchorLabel is { } label ? $"after '{label}'" : timing.Anchor == TimeSpan.Zero ? "after the start" : $"after +{DurationText.Format(timing.Anchor)}";

}
