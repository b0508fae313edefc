using System.Collections.Immutable;

namespace ImpClusterSim.Domain.Intercluster;

/// <summary>One TLS peer's line in the Inter-Clustering Troubleshooter test.</summary>
public sealed record TroubleshooterPeerCheck(string PeerAddress, string IpAddress, bool Passed, string Message);

/// <summary>One troubleshooter test: its name as the guide writes it, pass/fail, and one check per peer.</summary>
public sealed record TroubleshooterTestResult(string Test, bool Passed, ImmutableArray<TroubleshooterPeerCheck> Peers);
