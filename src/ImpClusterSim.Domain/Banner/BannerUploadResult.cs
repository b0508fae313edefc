using System.Collections.Immutable;

namespace ImpClusterSim.Domain.Banner;

/// <summary>The outcome of an upload: the node's new banner state and the message the page shows, or the errors.</summary>
public sealed record BannerUploadResult(NodeBanner State, bool Accepted, ImmutableArray<string> Messages);
