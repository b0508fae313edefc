using ImpClusterSim.Domain.Services;

namespace ImpClusterSim.Domain.Cli;

/// <summary>Output of <c>utils service list</c> and <c>utils service start|stop|restart</c> (domain facts 5.2-5.4).</summary>
public static class ServiceOutput
{
    /// <summary>A status line: <c>Cisco Tomcat[STARTED]</c> or <c>Cisco DirSync[STOPPED]  Service Not Activated</c>.</summary>
    public static string Line(ServiceState state) =>
        state.ReasonText.Length == 0 ? Progress(state.Name, state.Status) : $"{Progress(state.Name, state.Status)}  {state.ReasonText}";

    /// <summary>A progress token line: <c>Cisco Tomcat[STOPPING]</c>.</summary>
    public static string Progress(string service, ServiceStatus status) => $"{service}[{status.ToString().ToUpperInvariant()}]";

    /// <summary>The whole <c>utils service list</c> reply; "Primary Node =true" on the (database) publisher.</summary>
    public static string List(IEnumerable<ServiceState> states, bool primaryNode) => CliText.Lines(
    [
        CliText.RequestingServiceStatus,
        CliText.ServiceManagerRunning,
        "Getting list of all services",
        ">> Return code = 0",
        .. states.Select(Line),
        $"Primary Node ={(primaryNode ? "true" : "false")}",
        CliText.CommandSuccessful,
    ]);

    /// <summary>
    /// The transcript of an accepted <c>utils service start|stop|restart</c>: "Service Manager is running", then one
    /// token line per status the service went through (a restart's intermediate STOPPED is not shown).
    /// </summary>
    public static string Control(string service, IEnumerable<ServiceStatus> progress)
    {
        var list = progress.ToList();
        var shown = list.Where((s, i) => s != ServiceStatus.Stopped || i == list.Count - 1);
        return CliText.Lines([CliText.ServiceManagerRunning, .. shown.Select(s => Progress(service, s))]);
    }

    /// <summary>The reply to a command that was not accepted (already in that state, not activated, unknown).</summary>
    public static string NotAccepted(ServiceReply reply, ServiceState? state) => reply.Outcome switch
    {
        ServiceCommandOutcome.UnknownService => CliText.Lines($"Invalid service name: {reply.Service}", CliText.ExecutedUnsuccessfully),
        ServiceCommandOutcome.NotActivated when state is not null => CliText.Lines(CliText.ServiceManagerRunning, Line(state), CliText.ExecutedUnsuccessfully),
        _ when state is not null => CliText.Lines(CliText.ServiceManagerRunning, Line(state)),
        _ => CliText.ExecutedUnsuccessfully,
    };
}
