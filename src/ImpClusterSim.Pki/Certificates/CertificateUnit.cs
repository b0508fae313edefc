namespace ImpClusterSim.Pki;

/// <summary>
/// A certificate purpose ("unit" in the VOS CLI) and the trust store its CA chain goes into
/// (domain facts §3.1.1, §3.1.2).
/// </summary>
public sealed record CertificateUnit(string Name, string TrustStoreName, bool CarriesHostedDomains)
{
    public static readonly CertificateUnit Tomcat = new("tomcat", "tomcat-trust", false);
    public static readonly CertificateUnit Cup = new("cup", "cup-trust", false);
    public static readonly CertificateUnit CupXmpp = new("cup-xmpp", "cup-xmpp-trust", false);
    public static readonly CertificateUnit CupXmppS2s = new("cup-xmpp-s2s", "cup-xmpp-trust", true);
    public static readonly CertificateUnit CallManager = new("CallManager", "CallManager-trust", false);

    /// <summary>The units of an IM and Presence node at installation.</summary>
    public static IReadOnlyList<CertificateUnit> ImAndPresenceUnits { get; } = [Tomcat, Cup, CupXmpp, CupXmppS2s];

    /// <summary>The units of a Unified CM node at installation (of those this simulator models).</summary>
    public static IReadOnlyList<CertificateUnit> CallManagerUnits { get; } = [Tomcat, CallManager];

    public static IReadOnlyList<CertificateUnit> All { get; } = [Tomcat, Cup, CupXmpp, CupXmppS2s, CallManager];

    public static CertificateUnit Parse(string name) =>
        All.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown certificate unit '{name}' (tomcat, cup, cup-xmpp, cup-xmpp-s2s, CallManager)", nameof(name));

    /// <summary>The own-certificate file name, e.g. "tomcat.pem".</summary>
    public string FileName => $"{Name}.pem";

    public override string ToString() => Name;
}
