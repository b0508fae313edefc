namespace ImpClusterSim.Domain.Settings;

/// <summary>SIP Intra-cluster Proxy-to-Proxy Transport Protocol; shown as TLS, TCP, UDP. TLS is the default.</summary>
public enum SipTransport
{
    Tls,
    Tcp,
    Udp,
}
