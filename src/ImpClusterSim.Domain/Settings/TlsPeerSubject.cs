namespace ImpClusterSim.Domain.Settings;

/// <summary>
/// A TLS peer subject (System &gt; Security &gt; TLS Peer Subjects): the subject CN of the certificate a peer
/// presents, and a description (the guide: the name of the node).
/// </summary>
public sealed record TlsPeerSubject(string Name, string Description);
