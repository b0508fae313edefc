using ImpClusterSim.Domain.Services;
using ImpClusterSim.Simulation.Network;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>The language's link settings as the network's <see cref="LinkModel"/>; a null field keeps the base's value.</summary>
internal static class LinkModels
{
    public static LinkModel With(LinkModel baseModel, DurationRange? latency, string? distribution, double? loss, double? duplication, double? reorder)
    {
        var model = baseModel;
        if (latency is not null) model = model with { Latency = Latency(latency, distribution ?? "uniform") };
        if (loss is { } l) model = model with { LossRate = l };
        if (duplication is { } d) model = model with { DuplicationRate = d };
        if (reorder is { } r) model = model with { ReorderRate = r };
        return model;
    }

    /// <summary>
    /// uniform: over the range; normal: mean at the middle, standard deviation a quarter of the range; exponential: a
    /// long-tailed log-normal with the range's middle as its mean and half the range as its deviation (the network has
    /// no exponential distribution).
    /// </summary>
    private static LatencyDistribution Latency(DurationRange range, string distribution)
    {
        if (range.Min == range.Max) return LatencyDistribution.Fixed(range.Min);
        var mean = range.Min + (range.Max - range.Min) / 2;
        return distribution switch
        {
            "normal" => LatencyDistribution.Normal(mean, (range.Max - range.Min) / 4),
            "exponential" => LatencyDistribution.LogNormal(mean, (range.Max - range.Min) / 2),
            _ => LatencyDistribution.Uniform(range.Min, range.Max),
        };
    }
}
