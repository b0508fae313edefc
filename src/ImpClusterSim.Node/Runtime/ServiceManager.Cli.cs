using Akka.Actor;
using ImpClusterSim.Domain.Cli;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Services;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// The admin CLI of the node (<c>admin:</c>): the Service Manager parses the line with the domain and answers what is
/// its own (<c>utils service</c>, <c>utils fips</c>, <c>show network cluster</c>); certificate and replication commands
/// go to the node's database, which answers.
/// </summary>
public sealed partial class ServiceManager
{
    /// <summary>The unit of a <c>set cert regen</c> waiting for its yes/no answer, or null.</summary>
    private string? _regenConfirmation;

    private void OnCli(CliRequest r)
    {
        if (!PlatformRunning)
        {
            r.ReplyTo.Tell(new CliReply(_node.NodeName, r.Line, PlatformNotAvailable));
            return;
        }
        if (_fipsConfirmation is not null)
        {
            r.ReplyTo.Tell(new CliReply(_node.NodeName, r.Line, FipsConfirmation(r.Line)));
            return;
        }
        if (_regenConfirmation is not null)
        {
            RegenConfirmation(r);
            return;
        }
        var parsed = CliParser.Parse(r.Line, _services.Definitions.Select(d => d.Name));
        if (parsed.Command is null)
        {
            r.ReplyTo.Tell(new CliReply(_node.NodeName, r.Line, parsed.ErrorOutput!));
            return;
        }
        string? output = parsed.Command switch
        {
            EmptyCommand or QuitCommand => "",
            ServiceListCommand => ServiceOutput.List(_services.States, _setup.IsPublisher),
            ServiceControlCommand c => ServiceControlCli(c),
            FipsCommand c => FipsCli(c.Action),
            ShowNetworkClusterCommand => NetworkClusterOutput.Format(NetworkClusterOutput.Entries(_setup.Deployment, _node.NodeName, _startedAt)),
            SetCertRegenCommand c => AskToRegenerate(c.Unit),
            ShowCertListCommand or ShowCertOwnCommand or DbReplicationRuntimeStateCommand => null,
            _ => CliText.ExecutedUnsuccessfully,
        };
        if (output is null) _database.Tell(new DatabaseCliCommand(_node.NodeName, r.Line, parsed.Command, r.ReplyTo));
        else r.ReplyTo.Tell(new CliReply(_node.NodeName, r.Line, output));
    }

    /// <summary>
    /// <c>set cert regen UNIT</c> prints the warning and waits for the answer to "Proceed with regeneration (yes|no)?"
    /// (domain facts 3.2.8, 5.5): nothing changes until "yes" (then the database regenerates); "no" cancels; anything
    /// else asks again.
    /// </summary>
    private string AskToRegenerate(string unit)
    {
        _regenConfirmation = unit;
        return CertOutput.RegenWarning(unit);
    }

    private void RegenConfirmation(CliRequest r)
    {
        var unit = _regenConfirmation!;
        switch (CliParser.ParseYesNo(r.Line))
        {
            case true:
                _regenConfirmation = null;
                _database.Tell(new DatabaseCliCommand(_node.NodeName, r.Line, new SetCertRegenCommand(unit), r.ReplyTo));
                break;
            case false:
                _regenConfirmation = null;
                r.ReplyTo.Tell(new CliReply(_node.NodeName, r.Line, CertOutput.RegenCancelled(unit)));
                break;
            default:
                r.ReplyTo.Tell(new CliReply(_node.NodeName, r.Line, CertOutput.RegenQuestion));
                break;
        }
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
        // Only what has happened at this instant: the service is on its way (the real CLI then blocks, printing each
        // status as it is reached; the shell does that by letting virtual time pass, docs/shell.md).
        return ServiceControlProgress.Begin(c.Action, reply, _services.Find(c.Service) is null ? null : _services[c.Service]).Output;
    }
}
