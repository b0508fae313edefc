using ImpClusterSim.Domain.Services;

namespace ImpClusterSim.Domain.Cli;

/// <summary>
/// Follows one <c>utils service start|stop|restart</c> for a CLI session: the actor begins it with the command's
/// reply and feeds it the service's <see cref="ServiceStatusChanged"/> events; each step returns the lines to print,
/// and <see cref="Done"/> tells when the command has finished (then print the prompt).
/// </summary>
public sealed record ServiceControlProgress(ServiceAction Action, string Service, bool Done)
{
    /// <summary>
    /// Starts following an accepted command (output: "Service Manager is running" and the current token), or returns
    /// no progress and the whole reply for a command that was not accepted.
    /// </summary>
    public static (ServiceControlProgress? Progress, string Output) Begin(ServiceAction action, ServiceReply reply, ServiceState? stateAfter)
    {
        if (reply.Outcome != ServiceCommandOutcome.Accepted || stateAfter is null)
            return (null, ServiceOutput.NotAccepted(reply, stateAfter));
        var progress = new ServiceControlProgress(action, reply.Service, false);
        var done = progress.IsFinal(stateAfter.Status, first: true);
        return (progress with { Done = done }, CliText.Lines(CliText.ServiceManagerRunning, ServiceOutput.Progress(reply.Service, stateAfter.Status)));
    }

    /// <summary>The lines to print for a status change (empty for other services, or once done).</summary>
    public (ServiceControlProgress Next, string Output) On(ServiceStatusChanged change)
    {
        if (Done || change.Service != Service) return (this, "");
        var done = IsFinal(change.To, first: false);
        var hidden = Action == ServiceAction.Restart && change.To == ServiceStatus.Stopped;
        return (this with { Done = done }, hidden ? "" : ServiceOutput.Progress(Service, change.To));
    }

    private bool IsFinal(ServiceStatus status, bool first) => Action switch
    {
        ServiceAction.Stop => status == ServiceStatus.Stopped,
        _ => status == ServiceStatus.Started && !first,
    };
}
