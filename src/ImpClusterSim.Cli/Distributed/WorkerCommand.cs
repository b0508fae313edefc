using System.CommandLine;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Live.Distributed;
using ImpClusterSim.Scenarios.Distributed;

namespace ImpClusterSim.Cli.Distributed;

/// <summary>
/// `impsim worker --join HOST:PORT [--jobs N] [--bind HOST:PORT]`: joins the cluster of a coordinator
/// (<c>campaign|chaos|sweep --cluster</c>) and plays the seeds it leases, each run on its own thread, until the
/// coordinator's command is over (exit 0). Refused by the coordinator (another build, another scenario): exit 2 with
/// its reason. No coordinator within <c>--wait</c>, or the coordinator lost: exit 1. docs/distributed.md.
/// </summary>
public static class WorkerCommand
{
    private static readonly Option<string> Join = new("--join") { Description = "The coordinator's HOST:PORT (its --bind)", Required = true };
    private static readonly Option<int> Jobs = JobsOption.Create();
    private static readonly Option<string> Bind = new("--bind") { Description = "The HOST:PORT this worker listens on, reachable from the coordinator (default 127.0.0.1:0, a free port)", DefaultValueFactory = _ => "127.0.0.1:0" };
    private static readonly Option<string> Wait = new("--wait") { Description = "How long to wait for the coordinator to answer (default 60s)", DefaultValueFactory = _ => "60s" };
    private static readonly Option<int?> ParentPid = new("--parent-pid") { Description = "Stop when this process is gone (set by --local-workers)" };
    private static readonly Option<bool> Quiet = new("--quiet") { Description = "Print nothing but errors" };

    public static Command Create()
    {
        var command = new Command("worker", "Join a coordinator (campaign, chaos or sweep with --cluster) and play the seeds it leases")
        {
            Join, Jobs, Bind, Wait, ParentPid, Quiet,
        };
        command.SetAction(parse => Execute(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(ParseResult parse, TextWriter output, TextWriter error)
    {
        var jobs = JobsOption.Check(parse.GetValue(Jobs));
        HostPort join, bind;
        try
        {
            join = HostPort.Parse(parse.GetValue(Join)!, "--join", allowAnyPort: false);
            bind = HostPort.Parse(parse.GetValue(Bind)!, "--bind", allowAnyPort: true);
        }
        catch (HostPortException e)
        {
            throw new UsageException(e.Message);
        }

        if (!join.IsLoopback && bind.IsLoopback)
            throw new UsageException($"--bind {bind}: the coordinator at {join} cannot reach a worker on loopback; give --bind with an address of this machine it reaches, e.g. --bind 10.0.0.6:0");
        var waitText = parse.GetValue(Wait)!;
        if (!Domain.Time.DurationText.TryParse(waitText, out var wait) || wait < TimeSpan.FromSeconds(1) || wait > TimeSpan.FromHours(24))
            throw new UsageException($"--wait '{waitText}' is not a duration from 1s to 24h (write it like 60s or 5m)");
        var quiet = parse.GetValue(Quiet);
        var settings = new WorkerSettings(join, ClusterPlay.Build, jobs, WorkPlans.Load, wait, line =>
        {
            if (!quiet) output.WriteLine("impsim worker: " + line);
        });

        WorkerEnd end;
        try
        {
            end = WorkerHost.Run(settings, bind, ResultCodecs.All, parse.GetValue(ParentPid));
        }
        catch (HostPortException e)
        {
            throw new UsageException($"--bind: {e.Message}");
        }

        if (end.Refused)
        {
            error.WriteLine("impsim worker: " + end.Message);
            return ExitCodes.BadInput;
        }

        if (end.Failed)
        {
            error.WriteLine("impsim worker: " + end.Message);
            return ExitCodes.ExpectationFailed;
        }

        if (!quiet) output.WriteLine("impsim worker: " + end.Message);
        return ExitCodes.Success;
    }
}
