using Akka.Actor;
using ImpClusterSim.Domain.Settings;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// The cluster's saved security settings (kept by the publisher, replicated to the subscribers like the trust
/// certificates) and what each service of this node loaded when it last started.
/// </summary>
public sealed partial class NodePlatform
{
    private NodeActiveSettings _active = null!;

    private void ReceiveSettings()
    {
        Receive<SettingsOperation>(OnSettingsOperation);
        Receive<QuerySettings>(q => q.ReplyTo.Tell(new SettingsSnapshot(_node.NodeName, _state.Settings, _active, _active.Pending(_state.Settings))));
    }

    private void OnSettingsOperation(SettingsOperation op)
    {
        AdminReply reply;
        if (_setup.Node.Kind != NodeKind.Imp)
            reply = new AdminReply(_node.NodeName, op.MenuPath, false, ["This page belongs to Cisco Unified CM IM and Presence Administration"]);
        else if (!_setup.IsPublisher)
            reply = new AdminReply(_node.NodeName, op.MenuPath, false,
                [$"Cisco Unified CM IM and Presence Administration runs on the database publisher {_setup.Publisher.Name}"]);
        else
        {
            var result = op.Edit.Apply(_state.Settings);
            if (result.Accepted && result.Settings != _state.Settings)
            {
                Persist(_state with { Settings = result.Settings, SettingsVersion = _state.SettingsVersion + 1 });
                SchedulePushToSubscribers();
            }
            reply = new AdminReply(_node.NodeName, op.MenuPath, result.Accepted, [result.Message]);
        }
        _node.Record(_path, "settings-operation", ("edit", op.Edit.ToString()), ("accepted", reply.Accepted ? "yes" : "no"));
        op.ReplyTo.Tell(reply);
    }

    private void OnSettingsReplica(SettingsReplica replica)
    {
        if (replica.Version <= _state.SettingsVersion) return;
        Persist(_state with { Settings = replica.Settings, SettingsVersion = replica.Version });
        _node.Record(_path, "settings-replicated", ("version", replica.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// XMPP router-to-router secure mode: "IM and Presence Service automatically replicates the XMPP certificate within
    /// the cluster and across clusters as an XMPP trust certificate". The router, starting in that mode, puts its node's
    /// cup-xmpp certificate into cup-xmpp-trust: replication spreads it in the cluster, the agent to the peer clusters.
    /// </summary>
    private void TrustOwnXmppCertificate()
    {
        if (_state.Certificates.OwnCertificate(CertificateUnit.CupXmpp) is not { } xmpp) return;
        var store = _state.Certificates.GetTrustStore(Domain.Certificates.TrustStoreNames.CupXmppTrust);
        if (store.Contains(xmpp.Certificate)) return;
        var result = _state.Certificates.ImportTrust(Domain.Certificates.TrustStoreNames.CupXmppTrust, [xmpp.Certificate],
            "XMPP certificate of " + _setup.Name + " (router-to-router secure mode)");
        if (result.Accepted) AcceptLocalCertificateChange(result);
    }

    /// <summary>A service reached Started: it loads the saved settings it applies (and the XCP Router checks the s2s names).</summary>
    private void LoadSettings(string service)
    {
        var s2s = _state.Certificates.OwnCertificate(CertificateUnit.CupXmppS2s)?.Certificate;
        var names = s2s is null ? null : new XmppCertificateNames(s2s.SubjectCommonName, [.. s2s.DnsNames]);
        var loaded = _active.OnServiceStarted(service, _state.Settings, names);
        _active = loaded.State;
        if (service == Domain.Services.ServiceNames.CiscoXcpRouter && _active.XmppRouterToRouterSecureMode == true) TrustOwnXmppCertificate();
        foreach (var e in loaded.Events)
        {
            switch (e)
            {
                case SettingActivated a:
                    _node.Record(_path, "setting-active", ("setting", a.Setting.ToString()), ("value", a.Value), ("service", service));
                    break;
                case DomainMismatchDetected m:
                    _node.Record(_path, "xmpp-domain-mismatch", ("domain", m.Mismatch.ToString()));
                    break;
            }
        }
    }
}
