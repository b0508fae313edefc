using System.Collections.Immutable;
using ImpClusterSim.Domain.Settings;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>What an administrator does in one step; <see cref="Kind"/> is its name in the language.</summary>
public abstract record Operation(SourceSpan Span)
{
    public abstract string Kind { get; }
}

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

public sealed record Regenerate(string Unit, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "regenerate";
}

public sealed record DeleteTrust(string Store, string? Name, string? Ca, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "delete-trust";
}

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

public enum ServiceAction
{
    Start,
    Stop,
    Restart,
}

/// <summary><see cref="PeerCluster"/> is the peer's IM&amp;P cluster, whether the scenario named it or its publisher.</summary>
public sealed record AddPeer(string PeerCluster, PeerProtocol Protocol, string? AxlUser, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "add-peer";
}

public enum PeerProtocol
{
    Tcp,
    Tls,
}

public sealed record DeletePeer(string PeerCluster, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "delete-peer";
}

public sealed record ForceManualSync(string PeerCluster, bool ResyncTomcat, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "force-manual-sync";
}

public sealed record FipsEnable(SourceSpan Span) : Operation(Span)
{
    public override string Kind => "fips-enable";
}

public sealed record FipsDisable(SourceSpan Span) : Operation(Span)
{
    public override string Kind => "fips-disable";
}

/// <summary><see cref="Name"/> is the language's name (e.g. xmpp-router-secure-mode); <see cref="Value"/> as written (TLS, on, a domain).</summary>
public sealed record ChangeSetting(string Name, SecuritySetting Setting, string Value, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "setting";
}

public sealed record TlsPeerSubjectChange(bool Add, string Subject, string? Description, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "tls-peer-subject";
}

public sealed record TlsContextChange(bool Select, string Subject, string Context, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "tls-context";
}

public sealed record UploadBanner(string? Text, string? File, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "banner";
}

public sealed record CertificateImportTool(string Store, string? Host, int Port, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "certificate-import-tool";
}

public sealed record SipSecurityProfile(string Name, string? SubjectCn, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "sip-security-profile";
}

public sealed record SipTrunk(string Name, string? SubjectCn, string? SecurityProfile, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "sip-trunk";
}

public sealed record CliCommand(string Command, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "cli";
}

public sealed record MenuAction(string Path, string? Action, ImmutableDictionary<string, string> Args, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "menu";
}

public sealed record Wait(TimeSpan Duration, SourceSpan Span) : Operation(Span)
{
    public override string Kind => "wait";
}
