using System.Globalization;

namespace ImpClusterSim.Simulation.Network;

/// <summary>
/// What one directed link does to messages: latency, loss, duplication and reordering. Without reordering a link is
/// FIFO (like a TCP connection); a reordered message is held back by an extra delay so later ones overtake it.
/// </summary>
public sealed record LinkModel
{
    /// <summary>A quiet data-centre LAN: 0.5 to 2 ms, nothing lost, duplicated or reordered.</summary>
    public static LinkModel Lan { get; } = new()
    {
        Latency = LatencyDistribution.Uniform(TimeSpan.FromMilliseconds(0.5), TimeSpan.FromMilliseconds(2)),
    };

    /// <summary>A WAN between data centres: about 40 ms with a tail.</summary>
    public static LinkModel Wan { get; } = new()
    {
        Latency = LatencyDistribution.LogNormal(TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(10)),
    };

    public LatencyDistribution Latency { get; init; } = LatencyDistribution.Fixed(TimeSpan.FromMilliseconds(1));

    /// <summary>Probability in [0, 1] that a message is lost.</summary>
    public double LossRate { get; init => field = Probability(value, nameof(LossRate)); }

    /// <summary>Probability in [0, 1] that a delivered message arrives a second time, later.</summary>
    public double DuplicationRate { get; init => field = Probability(value, nameof(DuplicationRate)); }

    /// <summary>Probability in [0, 1] that a message is held back so that later messages overtake it.</summary>
    public double ReorderRate { get; init => field = Probability(value, nameof(ReorderRate)); }

    /// <summary>Smallest extra delay of a reordered message.</summary>
    public TimeSpan ReorderDelayMin { get; init => field = NonNegative(value, nameof(ReorderDelayMin)); } = TimeSpan.FromMilliseconds(1);

    /// <summary>Largest extra delay of a reordered message.</summary>
    public TimeSpan ReorderDelayMax { get; init => field = NonNegative(value, nameof(ReorderDelayMax)); } = TimeSpan.FromMilliseconds(10);

    /// <summary>Short invariant text for traces.</summary>
    public string Describe()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"latency={Latency.Describe()} loss={LossRate:0.######} dup={DuplicationRate:0.######} reorder={ReorderRate:0.######}");
        return ReorderRate > 0
            ? $"{text}({LatencyDistribution.Ms(ReorderDelayMin)}..{LatencyDistribution.Ms(ReorderDelayMax)})"
            : text;
    }

    /// <summary>Throws if the reorder delay range is inverted (the only rule that spans two properties).</summary>
    public LinkModel Validated() =>
        ReorderDelayMax >= ReorderDelayMin
            ? this
            : throw new ArgumentException("ReorderDelayMax must not be below ReorderDelayMin");

    private static double Probability(double p, string name) =>
        p is >= 0 and <= 1 ? p : throw new ArgumentOutOfRangeException(name, p, "a rate is a probability in [0, 1]");

    private static TimeSpan NonNegative(TimeSpan d, string name) =>
        d >= TimeSpan.Zero ? d : throw new ArgumentOutOfRangeException(name, "a delay must not be negative");
}
