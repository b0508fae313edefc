using System.Collections.Immutable;
using Akka.Actor;
using ImpClusterSim.Domain.Banner;

namespace ImpClusterSim.Node.Runtime;

/// <summary>An administrator's GUI operation on a node (by its guide menu path); the reply is an <see cref="AdminReply"/>.</summary>
public abstract record AdminOperation(IActorRef ReplyTo)
{
    /// <summary>The guide's menu path of the operation, for traces and reports.</summary>
    public abstract string MenuPath { get; }
}

/// <summary>The outcome of an <see cref="AdminOperation"/>: accepted or refused, with what the page said.</summary>
public sealed record AdminReply(string Node, string Operation, bool Accepted, ImmutableArray<string> Messages);

/// <summary>Software Upgrades &gt; Customized Logon Message: Upload File.</summary>
public sealed record UploadLoginBanner(string FileName, ImmutableArray<byte> Content, IActorRef ReplyTo) : AdminOperation(ReplyTo)
{
    public override string MenuPath => "Cisco Unified IM and Presence OS Administration > Software Upgrades > Customized Logon Message";
}

/// <summary>What an interface shows at login (before or after); the reply is a <see cref="LoginPage"/>.</summary>
public sealed record OpenLoginPage(LoginInterface Interface, LoginPhase Phase, IActorRef ReplyTo);

/// <summary>The reply to <see cref="OpenLoginPage"/>: the banner the interface shows at that phase, or null for none.</summary>
public sealed record LoginPage(string Node, LoginInterface Interface, LoginPhase Phase, string? Banner);

/// <summary>
/// Security &gt; Certificate Management (upload a trust certificate or chain, upload a CA-signed certificate, generate a
/// CSR, regenerate, download, delete). The reply is an <see cref="AdminReply"/>; a download's PEM is its message.
/// </summary>
public sealed record CertificateOperation(Domain.Certificates.CertificateCommand Command, IActorRef ReplyTo) : AdminOperation(ReplyTo)
{
    public override string MenuPath => "OS Administration > Security > Certificate Management";
}

/// <summary>Asks for the node's certificates and trust stores as they are now; the reply is a <see cref="CertificatesSnapshot"/>.</summary>
public sealed record QueryCertificates(IActorRef ReplyTo);

/// <summary>The reply to <see cref="QueryCertificates"/>: the node's own certificates and trust stores as of now.</summary>
public sealed record CertificatesSnapshot(string Node, Domain.Certificates.NodeCertificates Certificates);

/// <summary>
/// Cisco Unified CM IM and Presence Administration &gt; System &gt; Security: a change of the cluster's saved security
/// settings (it takes effect on each node when the service that applies it restarts there).
/// </summary>
public sealed record SettingsOperation(Domain.Settings.SettingsEdit Edit, IActorRef ReplyTo) : AdminOperation(ReplyTo)
{
    public override string MenuPath => "Cisco Unified CM IM and Presence Administration > System > Security";
}

/// <summary>Asks for the saved settings, what the node's services use, and what is pending a restart.</summary>
public sealed record QuerySettings(IActorRef ReplyTo);

/// <summary>The reply to <see cref="QuerySettings"/>: the cluster's saved settings, the ones the node's services use, and the changes waiting for a service restart.</summary>
public sealed record SettingsSnapshot(
    string Node,
    Domain.Settings.SecuritySettings Saved,
    Domain.Settings.NodeActiveSettings Active,
    ImmutableArray<Domain.Settings.PendingSetting> Pending);

/// <summary>
/// Cisco Unified CM IM and Presence Administration &gt; System &gt; Security &gt; Certificate Import Tool: choose a
/// Certificate Trust Store, the peer's IP address, host name or FQDN and a port, Submit.
/// </summary>
public sealed record CertificateImportToolOperation(string TrustStore, string PeerHost, int Port, IActorRef ReplyTo) : AdminOperation(ReplyTo)
{
    public override string MenuPath => "Cisco Unified CM IM and Presence Administration > System > Security > Certificate Import Tool";
}

/// <summary>Cisco Unified CM Administration: a SIP trunk security profile or a SIP trunk to IM&amp;P (on a CUCM node).</summary>
public sealed record CucmOperation(object Item, IActorRef ReplyTo) : AdminOperation(ReplyTo)
{
    public override string MenuPath => Item is SipTrunk
        ? "Cisco Unified CM Administration > Device > Trunk"
        : "Cisco Unified CM Administration > System > Security > SIP Trunk Security Profile";
}

/// <summary>
/// Cisco Unified CM IM and Presence Administration &gt; Presence &gt; Inter-Clustering (on the database publisher):
/// add or delete a peer, Force Manual Sync (with or without "Also resync peer's Tomcat certificates").
/// </summary>
public sealed record InterclusterOperation(Domain.Intercluster.IcsaCommand Command, IActorRef ReplyTo) : AdminOperation(ReplyTo)
{
    public override string MenuPath => "Cisco Unified CM IM and Presence Administration > Presence > Inter-Clustering";
}

/// <summary>The Inter-cluster Peer Status panel as it shows now (it refreshes every 60 s); the reply is a <see cref="PeerStatusSnapshot"/>.</summary>
public sealed record QueryPeerStatus(IActorRef ReplyTo);

/// <summary>
/// What the administrator sees (<see cref="Panel"/>, as of its last refresh) and what the agent knows now
/// (<see cref="States"/>, for invariant checks).
/// </summary>
public sealed record PeerStatusSnapshot(
    string Node,
    Domain.Intercluster.PeerStatusPanel Panel,
    ImmutableArray<Domain.Intercluster.PeerSyncState> States);

/// <summary>
/// What the Cisco Intercluster Sync Agent knows of its peers now, without the panel; the reply is a
/// <see cref="PeerStatesSnapshot"/>. For readers that check the agent's verdicts (the secure-status invariant): the
/// panel's 60-second refresh changes <see cref="PeerStatusSnapshot"/> every minute, this answer only when a sync does.
/// </summary>
public sealed record QueryPeerStates(IActorRef ReplyTo);

/// <summary>The agent's peer states as of now (<see cref="QueryPeerStates"/>).</summary>
public sealed record PeerStatesSnapshot(string Node, ImmutableArray<Domain.Intercluster.PeerSyncState> States);

/// <summary>Diagnostics &gt; System Troubleshooter; the reply is a <see cref="TroubleshooterReport"/>.</summary>
public sealed record RunSystemTroubleshooter(IActorRef ReplyTo);

/// <summary>The reply to <see cref="RunSystemTroubleshooter"/>: the Inter-Clustering test's result and the page's text.</summary>
public sealed record TroubleshooterReport(string Node, Domain.Intercluster.TroubleshooterTestResult InterClustering, string Text);

/// <summary>The node's FIPS 140-2 state; the reply is a <see cref="FipsSnapshot"/>.</summary>
public sealed record QueryFips(IActorRef ReplyTo);

/// <summary>The reply to <see cref="QueryFips"/>: the node's FIPS 140-2 mode, run state and pending self-test fault.</summary>
public sealed record FipsSnapshot(string Node, Domain.Fips.FipsNodeState State);

/// <summary>
/// A fault of the environment (not an administrator's action): the FIPS start-up self-tests of this node will fail at
/// its next boot in FIPS mode, transiently (a restart fixes it) or persistently (only recovery does).
/// </summary>
public sealed record FipsSelfTestFault(bool Persistent);

/// <summary>Recovery of a halted node (the recovery CD): the persistent self-test fault is cleared and the node boots.</summary>
public sealed record RecoverHaltedNode(IActorRef ReplyTo);

/// <summary>
/// The intercluster application user each IM&amp;P cluster's Cisco AXL Web Service creates (domain facts §1.1.10): what a
/// remote cluster's peer entry must carry as AXL username and password. One fixed pair for every cluster of a run.
/// </summary>
public static class InterclusterApplicationUser
{
    public const string Username = "InterClusterApplicationUser";
    public const string Password = "Cisco-1234";
}
