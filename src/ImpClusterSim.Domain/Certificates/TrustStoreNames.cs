using System.Collections.Immutable;
using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Domain.Certificates;

/// <summary>
/// The trust stores a node has (domain facts §3.1.1, §3.1.2) and how administrators name them: matched
/// case-insensitively, with the guide's "directory-trust" as an alias of tomcat-trust and "Callmanager-trust" (the
/// guide's spelling) as the display name of CallManager-trust.
/// </summary>
public static class TrustStoreNames
{
    public const string TomcatTrust = "tomcat-trust";
    public const string CupTrust = "cup-trust";
    public const string CupXmppTrust = "cup-xmpp-trust";

    /// <summary>The canonical name (as Pki's <c>CertificateUnit.CallManager.TrustStoreName</c>).</summary>
    public const string CallManagerTrust = "CallManager-trust";

    /// <summary>The name the guide writes in the CUCM Certificate Name menu.</summary>
    public const string CallManagerTrustDisplayName = "Callmanager-trust";

    /// <summary>The 9.0(1) seed's old name for the store SOAP, AXL and LDAP use ("now tomcat/ttrust").</summary>
    public const string DirectoryTrustAlias = "directory-trust";

    public static ImmutableArray<string> ImAndPresenceStores { get; } = [TomcatTrust, CupTrust, CupXmppTrust];

    public static ImmutableArray<string> CallManagerStores { get; } = [TomcatTrust, CallManagerTrust];

    public static ImmutableArray<string> StoresFor(NodeKind kind) => kind == NodeKind.Imp ? ImAndPresenceStores : CallManagerStores;

    /// <summary>The canonical store name for what an administrator typed, or null when the node has no such store.</summary>
    public static string? Resolve(string name, NodeKind kind)
    {
        var trimmed = name.Trim();
        if (string.Equals(trimmed, DirectoryTrustAlias, StringComparison.OrdinalIgnoreCase))
        {
            trimmed = TomcatTrust;
        }
        return StoresFor(kind).FirstOrDefault(s => string.Equals(s, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The name shown in menus: the guide's "Callmanager-trust" for CallManager-trust, otherwise the name.</summary>
    public static string DisplayName(string store) =>
        string.Equals(store, CallManagerTrust, StringComparison.OrdinalIgnoreCase) ? CallManagerTrustDisplayName : store;
}
