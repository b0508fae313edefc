using System.Collections.Immutable;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// Cisco Unified CM Administration's part of the exchange with IM&amp;P (the guide's prerequisites): SIP trunk security
/// profiles and SIP trunks to IM&amp;P. Kept on the CUCM node where they are configured; Cisco CallManager loads them
/// when it starts.
/// </summary>
public sealed record CucmConfiguration(
    ImmutableSortedDictionary<string, SipTrunkSecurityProfile> Profiles,
    ImmutableSortedDictionary<string, SipTrunk> Trunks)
{
    public static readonly CucmConfiguration Empty = new(
        ImmutableSortedDictionary.Create<string, SipTrunkSecurityProfile>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, SipTrunk>(StringComparer.Ordinal));

    /// <summary>Adds or replaces a profile or a trunk; the refusal (what the page says) when the item is not acceptable.</summary>
    public (CucmConfiguration Next, string? Refusal) Apply(object item) => item switch
    {
        SipTrunkSecurityProfile p when string.IsNullOrWhiteSpace(p.Name) => (this, "Name is required"),
        SipTrunkSecurityProfile p => (this with { Profiles = Profiles.SetItem(p.Name, p) }, null),
        SipTrunk t when !Profiles.ContainsKey(t.SecurityProfile) => (this, $"SIP Trunk Security Profile '{t.SecurityProfile}' does not exist: add it first"),
        SipTrunk t when t.Destinations.IsDefaultOrEmpty => (this, "A SIP trunk needs at least one destination address"),
        SipTrunk t => (this with { Trunks = Trunks.SetItem(t.Name, t) }, null),
        _ => (this, $"Unknown Cisco Unified CM Administration item {item.GetType().Name}"),
    };
}

/// <summary>
/// System &gt; Security &gt; SIP Trunk Security Profile: transport TLS (or TCP) and the X.509 subject name expected from
/// the peer. The field may hold several names separated by spaces, commas, semicolons or colons (Cisco Unified
/// Communications Manager Security Guide, "SIP trunk security profile settings", X.509 Subject Name): a peer matches
/// when its certificate's subject CN is one of them (case-insensitive).
/// </summary>
public sealed record SipTrunkSecurityProfile(string Name, bool Tls, string X509SubjectName)
{
    private static readonly char[] Separators = [' ', ',', ';', ':'];

    /// <summary>The names the X.509 Subject Name field lists, in order.</summary>
    public IReadOnlyList<string> X509SubjectNames =>
        X509SubjectName.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// Device &gt; Trunk: a SIP trunk to IM&amp;P nodes (their FQDNs) with a security profile. Over TLS, the IM&amp;P
/// certificate's subject CN must match the profile's X.509 subject name.
/// </summary>
public sealed record SipTrunk(string Name, string SecurityProfile, ImmutableArray<string> Destinations);
