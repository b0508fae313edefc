using System.Collections.Immutable;
using ImpClusterSim.Domain.Settings;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>What an administrator does in one step; <see cref="Kind"/> is its name in the language.</summary>
public abstract record Operation(SourceSpan Span)
{
    /// <summary>The operation's key in a scenario step, e.g. <c>upload-trust</c> (docs/scenarios.md, "Operations").</summary>
    public abstract string Kind { get; }
}

/// <summary>
/// <c>upload-trust</c>: a CA certificate into a trust store (guide: Certificate Management, Upload Certificate/Certificate
/// chain). <see cref="Store"/> is tomcat-trust, cup-trust, cup-xmpp-trust, directory-trust or CallManager-trust;
/// the certificate is the scenario CA <see cref="Ca"/> or the PEM <see cref="File"/> (relative to the scenario file);
/// <see cref="Signer"/> names the CA an intermediate says it is signed by; <see cref="Description"/> defaults to the CA's CN.
/// </summary>
public sealed record UploadTrust(string Store, string? Ca, string? File, string? Signer, string? Description, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "upload-trust";
}

/// <summary>`upload-leaf`: a CA-signed certificate for a unit. With <paramref name="SignedBy"/> the scenario CA signs the
/// node's CSR; <paramref name="Key"/> makes the node generate a fresh CSR with that key first, <paramref name="Hash"/>
/// is the hash the CA signs with (null: SHA-256).</summary>
public sealed record UploadLeaf(string Unit, string? SignedBy, string? File, string? Description, SourceSpan Span,
    Pki.KeyAlgorithm? Key = null, Pki.SignatureHash? Hash = null) : Operation(Span)
{
    public override string Kind => "upload-leaf";
}

/// <summary>`generate-csr`: a CSR for a unit, with its key (null: the unit's current key) and signature hash.</summary>
public sealed record GenerateCsr(string Unit, SourceSpan Span, Pki.KeyAlgorithm? Key = null, Pki.SignatureHash Hash = Pki.SignatureHash.Sha256) : Operation(Span)
{
    public override string Kind => "generate-csr";
}

/// <summary><c>regenerate</c>: the node makes a new self-signed certificate for <see cref="Unit"/> (tomcat, cup, cup-xmpp, cup-xmpp-s2s, ...).</summary>
public sealed record Regenerate(string Unit, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "regenerate";
}

/// <summary><c>delete-trust</c>: a certificate out of <see cref="Store"/>, by its listed file <see cref="Name"/> or as the scenario CA <see cref="Ca"/>.</summary>
public sealed record DeleteTrust(string Store, string? Name, string? Ca, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "delete-trust";
}

/// <summary><c>download-cert</c>: the node's certificate of <see cref="Unit"/> as <c>&lt;unit&gt;.pem</c>, which a later <c>menu</c> upload can name as <c>&lt;node&gt;/&lt;unit&gt;.pem</c>.</summary>
public sealed record DownloadCert(string Unit, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "download-cert";
}

/// <summary>start-service, stop-service or restart-service.</summary>
public sealed record ServiceControl(ServiceAction Action, string Service, SourceSpan Span) : Operation(Span)
{
    public override string Kind => Action switch
    {
        ServiceAction.Start => "start-service",
        ServiceAction.Stop => "stop-service",
        _ => "restart-service",
    };
}

/// <summary>What a <see cref="ServiceControl"/> step does to a service (Cisco Unified Serviceability, Control Center).</summary>
public enum ServiceAction
{
    /// <summary>start-service.</summary>
    Start,
    /// <summary>stop-service.</summary>
    Stop,
    /// <summary>restart-service: stop, then start (each takes its service's drawn duration, docs/model.md).</summary>
    Restart,
}

/// <summary><see cref="PeerCluster"/> is the peer's IM&amp;P cluster, whether the scenario named it or its publisher.</summary>
public sealed record AddPeer(string PeerCluster, PeerProtocol Protocol, string? AxlUser, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "add-peer";
}

/// <summary>The protocol of an intercluster peer (guide: Presence &gt; Inter-Clustering, Add New, Protocol).</summary>
public enum PeerProtocol
{
    /// <summary>Plain TCP to the peer's AXL.</summary>
    Tcp,
    /// <summary>TLS: the peer's Tomcat chain is validated against tomcat-trust ("Connection is secure").</summary>
    Tls,
}

/// <summary><c>delete-peer</c>: the intercluster peer <see cref="PeerCluster"/> (an IM&amp;P cluster) removed on the target publisher.</summary>
public sealed record DeletePeer(string PeerCluster, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "delete-peer";
}

/// <summary>
/// <c>force-manual-sync</c> with peer <see cref="PeerCluster"/>; <see cref="ResyncTomcat"/> is the guide's check box
/// "Also resync peer's Tomcat certificates" (the peer's presented Tomcat certificate taken into tomcat-trust again).
/// </summary>
public sealed record ForceManualSync(string PeerCluster, bool ResyncTomcat, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "force-manual-sync";
}

/// <summary><c>fips-enable</c>: the CLI <c>utils fips enable</c>, answered <c>yes</c> (the node regenerates its certificates and reboots; guide: FIPS 140-2 mode).</summary>
public sealed record FipsEnable(SourceSpan Span) : Operation(Span)
{
    public override string Kind => "fips-enable";
}

/// <summary><c>fips-disable</c>: the CLI <c>utils fips disable</c>, answered <c>yes</c> (the node reboots out of FIPS 140-2 mode).</summary>
public sealed record FipsDisable(SourceSpan Span) : Operation(Span)
{
    public override string Kind => "fips-disable";
}

/// <summary><see cref="Name"/> is the language's name (e.g. xmpp-router-secure-mode); <see cref="Value"/> as written (TLS, on, a domain).</summary>
public sealed record ChangeSetting(string Name, SecuritySetting Setting, string Value, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "setting";
}

/// <summary><c>tls-peer-subject</c>: a TLS peer subject (the SIP Proxy's, guide: Presence &gt; Security &gt; TLS Peer Subjects) added (<see cref="Add"/>) or removed.</summary>
public sealed record TlsPeerSubjectChange(bool Add, string Subject, string? Description, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "tls-peer-subject";
}

/// <summary><c>tls-context</c>: <see cref="Subject"/> selected (<see cref="Select"/>) or deselected in the TLS context <see cref="Context"/> (only Default_Cisco_UPS_SIP_Proxy_Peer_Auth_TLS_Context is modelled).</summary>
public sealed record TlsContextChange(bool Select, string Subject, string Context, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "tls-context";
}

/// <summary><c>banner</c>: a login banner (guide: Customized Logon Message) from <see cref="Text"/> or the file <see cref="File"/> (a .txt file; another is refused as the product refuses it).</summary>
public sealed record UploadBanner(string? Text, string? File, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "banner";
}

/// <summary><c>certificate-import-tool</c>: the tool that fetches <see cref="Host"/>:<see cref="Port"/>'s presented certificate into <see cref="Store"/> (host null: the CUCM publisher; port default 5061); its report comes later in virtual time.</summary>
public sealed record CertificateImportTool(string Store, string? Host, int Port, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "certificate-import-tool";
}

/// <summary><c>sip-security-profile</c> on CUCM: a TLS SIP trunk security profile <see cref="Name"/> whose X.509 subject name is <see cref="SubjectCn"/> (null: the first IM&amp;P publisher of that CUCM cluster).</summary>
public sealed record SipSecurityProfile(string Name, string? SubjectCn, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "sip-security-profile";
}

/// <summary><c>sip-trunk</c> on CUCM: the trunk <see cref="Name"/> to IM&amp;P with the security profile <see cref="SecurityProfile"/> and the subject <see cref="SubjectCn"/> it expects.</summary>
public sealed record SipTrunk(string Name, string? SubjectCn, string? SecurityProfile, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "sip-trunk";
}

/// <summary><c>cli</c>: one line typed at the node's admin CLI (e.g. <c>utils service restart Cisco Tomcat</c>), its reply traced.</summary>
public sealed record CliCommand(string Command, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "cli";
}

/// <summary>
/// <c>menu</c>: a GUI menu path of the guide (<see cref="Path"/>, matched on its last parts), the button
/// <see cref="Action"/> and the page's fields <see cref="Args"/> by their GUI labels; played as the operation the page does
/// (docs/scenarios.md, "What each step does"), or traced as "not modelled".
/// </summary>
public sealed record MenuAction(string Path, string? Action, ImmutableDictionary<string, string> Args, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "menu";
}

/// <summary><c>wait</c>: nothing happens for <see cref="Duration"/> (virtual time); the next step comes later.</summary>
public sealed record Wait(TimeSpan Duration, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "wait";
}
