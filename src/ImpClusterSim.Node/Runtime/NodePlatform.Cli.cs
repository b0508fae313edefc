using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Cli;
using ImpClusterSim.Domain.Replication;
using ImpClusterSim.Domain.Services;

namespace ImpClusterSim.Node.Runtime;

/// <summary>The admin CLI of the node (<c>admin:</c>): parse with the domain, answer from the node's state.</summary>
public sealed partial class NodePlatform
{
    /// <summary>The unit of a <c>set cert regen</c> waiting for its yes/no answer, or null.</summary>
    private string? _regenConfirmation;

    private string Cli(string line)
    {
        if (!PlatformRunning) return _state.Fips.Run == Domain.Fips.NodeRunState.Halted ? Domain.Fips.FipsNodeState.NotAvailableHalted : Domain.Fips.FipsNodeState.NotAvailableRebooting;
        if (_fipsConfirmation is not null) return FipsConfirmation(line);
        if (_regenConfirmation is not null) return RegenConfirmation(line);
        var parsed = CliParser.Parse(line, _services.Definitions.Select(d => d.Name));
        if (parsed.Command is null) return parsed.ErrorOutput!;
        return parsed.Command switch
        {
            EmptyCommand or QuitCommand => "",
            ServiceListCommand => ServiceOutput.List(_services.States, _setup.IsPublisher),
            ServiceControlCommand c => ServiceControlCli(c),
            ShowCertListCommand c => CertOutput.List(c.Kind == CertListKind.Own ? _state.Certificates.ListOwn() : _state.Certificates.ListTrust()),
            ShowCertOwnCommand c => ShowOwn(c),
            SetCertRegenCommand c => AskToRegenerate(c.Unit),
            DbReplicationRuntimeStateCommand => DbReplicationOutput.Format(ReplicationReport()),
            FipsCommand c => FipsCli(c.Action),
            ShowNetworkClusterCommand => NetworkClusterOutput.Format(NetworkClusterOutput.Entries(_setup.Deployment, _node.NodeName, _startedAt)),
            _ => CliText.ExecutedUnsuccessfully,
        };
    }

    private string ServiceControlCli(ServiceControlCommand c)
    {
        ServiceCommand command = c.Action switch
        {
            ServiceAction.Start => new StartService(c.Service),
            ServiceAction.Stop => new StopService(c.Service),
            _ => new RestartService(c.Service),
        };
        var reply = Apply(command);
        if (reply.Outcome != ServiceCommandOutcome.Accepted)
            return ServiceOutput.NotAccepted(reply, _services.Find(c.Service) is null ? null : _services[c.Service]);
        // The CLI waits for the service to settle; the transcript shows where it is heading.
        var progress = c.Action switch
        {
            ServiceAction.Start => new[] { ServiceStatus.Starting, ServiceStatus.Started },
            ServiceAction.Stop => [ServiceStatus.Stopping, ServiceStatus.Stopped],
            _ => [ServiceStatus.Stopping, ServiceStatus.Starting, ServiceStatus.Started],
        };
        return ServiceOutput.Control(reply.Service, progress);
    }

    private string ShowOwn(ShowCertOwnCommand c)
    {
        var result = _state.Certificates.Apply(new DownloadCertificate(c.FileName), _node.Clock.Now.ToDateTime());
        return result.Accepted ? CertOutput.Own(result.Reply) : CertOutput.NotFound(c.FileName);
    }

    /// <summary>
    /// <c>set cert regen UNIT</c> prints the warning and waits for the answer to "Proceed with regeneration (yes|no)?"
    /// (domain facts 3.2.8, 5.5): nothing changes until "yes"; "no" cancels; anything else asks again.
    /// </summary>
    private string AskToRegenerate(string unit)
    {
        _regenConfirmation = unit;
        return CertOutput.RegenWarning(unit);
    }

    private string RegenConfirmation(string line)
    {
        var unit = _regenConfirmation!;
        switch (CliParser.ParseYesNo(line))
        {
            case true:
                _regenConfirmation = null;
                return Regenerate(unit);
            case false:
                _regenConfirmation = null;
                return CertOutput.RegenCancelled(unit);
            default:
                return CertOutput.RegenQuestion;
        }
    }

    private string Regenerate(string unit)
    {
        var result = _state.Certificates.Apply(new RegenerateCertificate(unit), _node.Clock.Now.ToDateTime());
        if (!result.Accepted) return CliText.Lines(result.Reply, CliText.ExecutedUnsuccessfully);
        AcceptLocalCertificateChange(result);
        return CertOutput.RegenSucceeded(unit);
    }

    /// <summary>
    /// <c>utils dbreplication runtimestate</c>: on the publisher, every node of the cluster as the publisher last heard
    /// from it; on a subscriber, its own link to the publisher.
    /// </summary>
    private DbReplicationReport ReplicationReport()
    {
        var now = _node.Clock.Now;
        var fresh = (Domain.Time.SimInstant? at) => at is { } t && now - t <= _setup.Timings.ReplicationStale;
        if (_state.TrustLog is { } log)
        {
            var rows = new[] { _setup.Node }.Concat(_setup.ClusterPeers).Select(n => n.IsPublisher
                ? new ReplicaObservation(n, true, log.LastSequence)
                : _replicaAcks.TryGetValue(n.Name, out var ack)
                    ? new ReplicaObservation(n, fresh(ack.At), ack.Applied)
                    : new ReplicaObservation(n, false, 0));
            return ReplicationStatus.Report(_node.NodeName, now, log, rows);
        }
        var view = ClusterTrustLog.Empty(_setup.Node.Cluster, _setup.Publisher.Name);
        return ReplicationStatus.Report(_node.NodeName, now, view,
            [new ReplicaObservation(_setup.Publisher, fresh(_lastHeardFromPublisher), 0),
             new ReplicaObservation(_setup.Node, fresh(_lastHeardFromPublisher), _state.Replica.LastAppliedSequence)]);
    }
}
