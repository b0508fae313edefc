using ImpClusterSim.Domain.Banner;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Settings;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>Something that must be true; <see cref="Kind"/> is its name in the language.</summary>
public abstract record Condition(SourceSpan Span)
{
    /// <summary>The condition's key in a check, e.g. <c>peer-status</c> (docs/scenarios.md, "Conditions").</summary>
    public abstract string Kind { get; }
}

/// <summary>The status <see cref="Cluster"/>'s publisher shows for <see cref="Peer"/> (both IM&amp;P cluster names).</summary>
public sealed record PeerStatusIs(string Cluster, string Peer, string Status, SourceSpan Span) : Condition(Span)
{
    public override string Kind => "peer-status";
}

/// <summary>
/// peer-certificate: the Tomcat certificate <see cref="Peer"/>'s publisher presented to <see cref="Cluster"/>'s
/// publisher at the last sync of its Cisco Intercluster Sync Agent that received one (PeerSyncState.LastPresentedChain,
/// answered by the agent through QueryPeerStatus) is issued by the scenario CA <see cref="IssuedBy"/>, or is
/// self-signed (<see cref="SelfSigned"/> true) or not (false). Exactly one of the two is given. Before the agent has
/// received a certificate from the peer it does not hold. Both clusters are IM&amp;P cluster names.
/// </summary>
public sealed record PeerCertificateIs(string Cluster, string Peer, string? IssuedBy, bool? SelfSigned, SourceSpan Span) : Condition(Span)
{
    public override string Kind => "peer-certificate";
}

/// <summary><c>troubleshooter-passes</c>: the System Troubleshooter on <see cref="Cluster"/>'s publisher passes its Inter-Clustering test.</summary>
public sealed record TroubleshooterPasses(string Cluster, SourceSpan Span) : Condition(Span)
{
    public override string Kind => "troubleshooter-passes";
}

/// <summary>trust-store-contains (<see cref="Contains"/>) or trust-store-lacks.</summary>
public sealed record TrustStoreHolds(Target Target, string Store, string Ca, bool Contains, SourceSpan Span) : Condition(Span)
{
    public override string Kind => Contains ? "trust-store-contains" : "trust-store-lacks";
}

/// <summary><c>own-cert-issued-by</c>: each target node's own certificate of <see cref="Unit"/> is signed by the scenario CA <see cref="Ca"/>'s key.</summary>
public sealed record OwnCertIssuedBy(Target Target, string Unit, string Ca, SourceSpan Span) : Condition(Span)
{
    public override string Kind => "own-cert-issued-by";
}

/// <summary><c>service-state</c>: <see cref="Service"/> (the guide's name, e.g. Cisco Tomcat) is in <see cref="State"/> on each target node.</summary>
public sealed record ServiceStateIs(Target Target, string Service, ServiceStatus State, SourceSpan Span) : Condition(Span)
{
    public override string Kind => "service-state";
}

/// <summary><c>cli-output-contains</c>: the admin CLI's reply to <see cref="Command"/> on each target node contains <see cref="Text"/> (checked once, <c>at:</c> an instant).</summary>
public sealed record CliOutputContains(Target Target, string Command, string Text, SourceSpan Span) : Condition(Span)
{
    public override string Kind => "cli-output-contains";
}

/// <summary><c>node-up</c>: each target node is up and, where it reports a FIPS state, running (not rebooting or halted).</summary>
public sealed record NodeUp(Target Target, SourceSpan Span) : Condition(Span)
{
    public override string Kind => "node-up";
}

/// <summary><c>no-fips-mismatch-exchange</c>: no certificate exchange between a FIPS and a non-FIPS node in the trace (guide: FIPS 140-2 mode; FipsExchangeInvariant).</summary>
public sealed record NoFipsMismatchExchange(SourceSpan Span) : Condition(Span)
{
    public override string Kind => "no-fips-mismatch-exchange";
}

/// <summary><c>secure-peers-when-trusted</c>: every "Connection is secure" a publisher shows is backed by a chain that validates against its tomcat-trust at its clock (SecureStatusInvariant, RFC 5280 §6).</summary>
public sealed record SecurePeersWhenTrusted(SourceSpan Span) : Condition(Span)
{
    public override string Kind => "secure-peers-when-trusted";
}

/// <summary><c>banner-shown</c>: each target node's <see cref="Interface"/> shows a login banner before login, containing <see cref="Text"/> when given (guide: Customized Logon Message).</summary>
public sealed record BannerShown(Target Target, LoginInterface Interface, string? Text, SourceSpan Span) : Condition(Span)
{
    public override string Kind => "banner-shown";
}

/// <summary>
/// sip-trunk-secure: Cisco CallManager on each target CUCM node reports <see cref="Trunk"/> (to <see cref="Destination"/>,
/// or to each of its destinations) secure when <see cref="Secure"/>, not secure otherwise.
/// </summary>
public sealed record SipTrunkSecure(Target Target, string Trunk, string? Destination, bool Secure, SourceSpan Span) : Condition(Span)
{
    public override string Kind => "sip-trunk-secure";
}

/// <summary>
/// setting-active: on each target IM&amp;P node, <see cref="Setting"/> (written <see cref="Name"/>) has <see cref="Value"/>
/// active, i.e. loaded by the service that applies it.
/// </summary>
public sealed record SettingActive(Target Target, string Name, SecuritySetting Setting, string Value, SourceSpan Span) : Condition(Span)
{
    public override string Kind => "setting-active";
}

/// <summary>not: the negation of <see cref="Inner"/> (any condition, including another 'not').</summary>
public sealed record Not(Condition Inner, SourceSpan Span) : Condition(Span)
{
    public override string Kind => "not";
}

/// <summary>
/// step-accepted (<see cref="Accepted"/>) or step-refused: the step labelled <see cref="Label"/> has been played and the
/// platform accepted (refused) it on every target node; with <see cref="Reply"/>, each reply's first line contains that
/// text. Before the step has run it does not hold.
/// </summary>
public sealed record StepOutcome(string Label, bool Accepted, string? Reply, SourceSpan Span) : Condition(Span)
{
    public override string Kind => Accepted ? "step-accepted" : "step-refused";
}

/// <summary>
/// event-seen: a trace event named <see cref="Event"/> has happened by now, on <see cref="Node"/> when given (a node
/// name, or 'scenario' / 'network' for run events), with each of <see cref="Details"/> containing the given text.
/// </summary>
public sealed record EventSeen(string Event, string? Node, System.Collections.Immutable.ImmutableSortedDictionary<string, string> Details, SourceSpan Span) : Condition(Span)
{
    public override string Kind => "event-seen";
}

/// <summary>
/// troubleshooter-fails: the System Troubleshooter of <see cref="Cluster"/>'s publisher fails its Inter-Clustering
/// test, with a failed line for <see cref="Peer"/> (an IM&amp;P cluster) when given.
/// </summary>
public sealed record TroubleshooterFails(string Cluster, string? Peer, SourceSpan Span) : Condition(Span)
{
    public override string Kind => "troubleshooter-fails";
}

/// <summary>
/// acknowledged-changes-kept (safety): every trust certificate whose upload a node accepted is still in that store on that
/// node whenever the node is up, unless a later delete on its cluster or a FIPS mode change on the node removed it.
/// </summary>
public sealed record AcknowledgedChangesKept(SourceSpan Span) : Condition(Span)
{
    public override string Kind => "acknowledged-changes-kept";
}

/// <summary>
/// converged (liveness): every TLS peer entry configured on both sides whose certificates allow it (same FIPS mode, the
/// peer's Tomcat chain validates at the local clock) shows "Connection is secure", and every IM&amp;P cluster's nodes that
/// are up hold the same trust stores.
/// </summary>
public sealed record Converged(SourceSpan Span) : Condition(Span)
{
    public override string Kind => "converged";
}
