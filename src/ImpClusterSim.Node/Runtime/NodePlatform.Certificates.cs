using Akka.Actor;
using ImpClusterSim.Domain.Certificates;

namespace ImpClusterSim.Node.Runtime;

/// <summary>Certificate Management on the node: apply the domain's rules, keep the result, replicate trust changes.</summary>
public sealed partial class NodePlatform
{
    private void ReceiveCertificates()
    {
        Receive<CertificateOperation>(OnCertificateOperation);
        Receive<QueryCertificates>(q => q.ReplyTo.Tell(new CertificatesSnapshot(_node.NodeName, _state.Certificates)));
    }

    private void OnCertificateOperation(CertificateOperation op)
    {
        var result = _state.Certificates.Apply(op.Command, _node.Clock.Now.ToDateTime());
        if (result.Accepted) AcceptLocalCertificateChange(result);
        _node.Record(_path, "certificate-operation",
            ("operation", op.Command.GetType().Name), ("accepted", result.Accepted ? "yes" : "no"), ("reply", FirstLine(result.Reply)));
        op.ReplyTo.Tell(new AdminReply(_node.NodeName, op.MenuPath, result.Accepted,
            result.Warning is null ? [result.Reply] : [result.Warning, result.Reply]));
    }

    /// <summary>
    /// An accepted change made on this node: on the publisher it enters the cluster database at once; on a subscriber
    /// it waits in the outbox for the publisher. Either way it is on disk before anyone hears of it.
    /// </summary>
    private void AcceptLocalCertificateChange(CertificateResult result)
    {
        if (_state.TrustLog is { } log)
        {
            var append = log.RecordPublisherChanges(result);
            Persist(_state with { Certificates = result.State, TrustLog = append.Log });
            if (append.Appended.Length > 0) SchedulePushToSubscribers();
        }
        else
        {
            Persist(_state with { Certificates = result.State, Replica = _state.Replica.RecordLocal(result) });
            ForwardOutbox();
        }
        foreach (var e in result.Events) TraceCertificateEvent(e, "local");
    }

    private void TraceCertificateEvent(CertificateEvent e, string origin)
    {
        switch (e)
        {
            case TrustCertificateAdded a:
                _node.Record(_path, "trust-added", ("store", a.Store), ("file", a.Entry.FileName), ("origin", origin));
                break;
            case TrustCertificateRemoved r:
                _node.Record(_path, "trust-removed", ("store", r.Store), ("file", r.FileName), ("origin", origin));
                break;
            case OwnCertificateChanged o:
                _node.Record(_path, "own-certificate-changed", ("unit", o.Unit.Name), ("issuer", o.Certificate.IssuerCommonName),
                    ("restart", string.Join("; ", o.ServicesToRestart)));
                break;
        }
    }

    private static string FirstLine(string text)
    {
        var i = text.IndexOf('\n');
        return i < 0 ? text : text[..i];
    }
}
