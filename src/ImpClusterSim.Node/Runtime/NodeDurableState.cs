using ImpClusterSim.Domain.Banner;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// What a node keeps on its disk: everything an administrator configured on it. Written whole after each accepted
/// change (one atomic put), so a crash finds either the state before a change or the state after it.
/// </summary>
public sealed record NodeDurableState(NodeBanner Banner)
{
    public const string DiskKey = "platform/state";

    public static NodeDurableState Installed(string node) => new(NodeBanner.None(node));
}
