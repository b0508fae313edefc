namespace ImpClusterSim.Domain.Settings;

/// <summary>
/// The Cisco XCP Router started with a node-to-node domain that the node's cup-xmpp-s2s certificate does not carry:
/// the domain was changed without regenerating the XMPP S2S certificate before the router restart (the guide's
/// troubleshooting tip).
/// </summary>
public sealed record NodeToNodeDomainMismatch(string Node, string Domain, XmppCertificateNames Certificate)
{
    public string Message =>
        $"{Node}: Cisco XCP Router uses node-to-node domain '{Domain}' but the cup-xmpp-s2s certificate " +
        $"(CN={Certificate.CommonName}; SAN={string.Join(",", Certificate.SubjectAltNames)}) does not include it; " +
        "regenerate the XMPP S2S certificate, then restart the Cisco XCP Router";

    public override string ToString() => Message;
}
