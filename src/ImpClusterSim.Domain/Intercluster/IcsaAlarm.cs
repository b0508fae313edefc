namespace ImpClusterSim.Domain.Intercluster;

/// <summary>An alarm the agent raises, named from the IM&amp;P alarm catalogue (domain facts §1.4.10).</summary>
public sealed record IcsaAlarm(string Name, string PeerAddress, string Detail)
{
    /// <summary>The peer did not answer the AXL request.</summary>
    public const string AxlConnectionFailed = "InterclusterSyncAgentAXLConnectionFailed";

    /// <summary>The sync failed for a reason that is not a certificate one (FIPS mismatch, local Sync Agent not done).</summary>
    public const string PeerSyncFailed = "InterclusterSyncAgentPeerSyncFailed";

    /// <summary>A peer was added twice.</summary>
    public const string PeerDuplicate = "InterclusterSyncAgentPeerDuplicate";

    /// <summary>The peer's Tomcat certificate is not the one taken before and does not validate (out-of-sync).</summary>
    public const string CertificateFingerPrintMismatch = "ICSACertificateFingerPrintMisMatch";

    /// <summary>The peer's presented chain does not validate for another reason.</summary>
    public const string CertificateValidationFailure = "ICSACertificateValidationFailure";
}
