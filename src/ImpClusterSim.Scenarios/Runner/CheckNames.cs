using ImpClusterSim.Domain.Time;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>A readable name for an expectation written without one: its condition and when it is checked.</summary>
internal static class CheckNames
{
    public static string Describe(Condition condition, CheckWindow when)
    {
        var what = What(condition);
        var timing = when.Mode switch
        {
            CheckMode.At => $"at {DurationText.Format(when.From)}",
            CheckMode.Within when when.AfterLabel is { } label => $"within {DurationText.Format(when.To - when.From)} after {label}",
            CheckMode.Within => $"within {DurationText.Format(when.To)}",
            _ => "always" + (when.AfterLabel is { } from ? $" after {from}" : "") + (when.UntilLabel is { } until ? $" until {until}" : ""),
        };
        return $"{what} ({timing})";
    }

    private static string What(Condition condition)
    {
        return condition switch
        {
            PeerStatusIs p => $"{p.Cluster} shows '{p.Status}' for {p.Peer}",
            PeerCertificateIs p => $"{p.Cluster} received a {(p.IssuedBy is { } ca ? "certificate issued by " + ca : p.SelfSigned == true ? "self-signed certificate" : "CA-signed certificate")} from {p.Peer}",
            TroubleshooterPasses t => $"troubleshooter passes on {t.Cluster}",
            TrustStoreHolds t => $"{t.Store} of {t.Target} {(t.Contains ? "contains" : "lacks")} {t.Ca}",
            OwnCertIssuedBy o => $"{o.Unit} of {o.Target} issued by {o.Ca}",
            ServiceStateIs s => $"{s.Service} {s.State} on {s.Target}",
            CliOutputContains c => $"'{c.Command}' on {c.Target} prints '{c.Text}'",
            NodeUp u => $"{u.Target} up",
            BannerShown b => $"banner shown on {ScenarioVocabulary.BannerInterfaces[(int)b.Interface]} of {b.Target}",
            SipTrunkSecure t => $"SIP trunk {t.Trunk}{(t.Destination is null ? "" : " to " + t.Destination)} {(t.Secure ? "secure" : "not secure")} on {t.Target}",
            SettingActive a => $"{a.Name} {a.Value} active on {a.Target}",
            NoFipsMismatchExchange => "no certificate exchange between FIPS and non-FIPS",
            SecurePeersWhenTrusted => "secure status only with a validating chain",
            Not n => $"not: {What(n.Inner)}",
            StepOutcome o => $"step '{o.Label}' {(o.Accepted ? "accepted" : "refused")}{(o.Reply is null ? "" : $" with '{o.Reply}'")}",
            EventSeen e => $"'{e.Event}' seen{(e.Node is null ? "" : " on " + e.Node)}{string.Concat(e.Details.Select(d => $", {d.Key} ~ '{d.Value}'"))}",
            TroubleshooterFails t => $"troubleshooter fails on {t.Cluster}{(t.Peer is null ? "" : " for " + t.Peer)}",
            AcknowledgedChangesKept => "no acknowledged change lost",
            Converged => "peers secure and trust stores agreeing after the quiet period",
            _ => condition.Kind,
        };
    }
}
