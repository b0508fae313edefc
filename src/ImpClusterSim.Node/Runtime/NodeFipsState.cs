using ImpClusterSim.Domain.Fips;
using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// What the Service Manager keeps on the node's disk (one atomic put under <see cref="DiskKey"/>): the node's FIPS
/// 140-2 state (mode, running/rebooting/halted) and a self-test fault the environment injected. The certificates a
/// mode change regenerates are the database's: a boot whose certificates are not in the node's mode (a crash between
/// the two writes) regenerates them then.
/// </summary>
public sealed record NodeFipsState(FipsNodeState Fips, SelfTestFault InjectedSelfTestFault)
{
    public const string DiskKey = "platform/fips";

    public static NodeFipsState Default { get; } = new(FipsNodeState.Default, SelfTestFault.None);

    public static NodeFipsState Load(IDurableStore disk) => disk.TryGet(DiskKey, out NodeFipsState state) ? state : Default;
}
