using System.Collections.Immutable;
using System.Globalization;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Cli.Progress;
using ImpClusterSim.Live.Coordinator;
using ImpClusterSim.Live.Distributed;
using ImpClusterSim.Scenarios.Distributed;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Overrides;
using ImpClusterSim.Scenarios.Studies;

namespace ImpClusterSim.Cli.Distributed;

/// <summary>
/// A command as the coordinator (docs/distributed.md): opens the session (binds, starts the local workers), plays jobs
/// on the workers with the progress bar counting finished seeds across workers and naming them, and turns the ways a
/// job can end into the command's answers: no worker within the wait is exit 2 with the reason (and what refused
/// workers were told), a worker's defect is an internal error.
/// </summary>
internal static class ClusterPlay
{
    /// <summary>This build, as workers must match it.</summary>
    public static string Build { get; } = BuildIdentity.Of(typeof(ClusterPlay).Assembly);

    /// <summary>Binds and starts the coordinator, and the local workers if asked; a bad or busy address is exit 2.</summary>
    public static WorkSession Open(ClusterRequest request, TextWriter error)
    {
        var settings = new SessionSettings(Build, request.LeaseTimeout, request.WorkerWait, line => error.WriteLine("impsim: " + line));
        var local = request.LocalWorkers is { } n ? new LocalWorkerOptions(NodeLaunch.For(typeof(ClusterPlay).Assembly.Location), n, request.LocalJobs) : null;
        WorkSession session;
        try
        {
            session = WorkSession.Start(settings, request.Bind, ResultCodecs.All, local);
        }
        catch (HostPortException e)
        {
            throw new UsageException($"--bind: {e.Message}");
        }

        if (local is null)
            error.WriteLine($"impsim: coordinator listening on {session.Address}; start workers with: {Invocation.CommandLine(["worker", "--join", session.Address.ToString()])}");
        return session;
    }

    /// <summary>
    /// A job with the hash of the scenario and topology as the coordinator reads them now: prepared before the
    /// coordinator listens, so that a file edited once workers can join is the workers' difference, not the coordinator's.
    /// </summary>
    public static PreparedJob Prepare(JobSpec job) => new(job, WorkPlans.Load(job).ScenarioHash);

    /// <summary>Plays <paramref name="prepared"/> on the session's workers; the results in item order (null: not played, after --max-failures).</summary>
    public static WorkOutcome Play(WorkSession session, PreparedJob prepared, int? maxFailures, string description, TextWriter error)
    {
        var (job, hash) = prepared;
        var outcome = RunProgress.RunWithStatus(error, description, job.Items, report =>
            session.Play(new JobSettings(job, hash, maxFailures, WorkPlans.IsFailure, p => report(p.Done, p.WorkersText))));
        return outcome.End switch
        {
            WorkEnd.NoWorkers => throw new UsageException($"{outcome.Message} (coordinator at {session.Address}; workers join with: " +
                                                          $"{Invocation.CommandLine(["worker", "--join", session.Address.ToString()])})"),
            WorkEnd.WorkerDefect => throw new InvalidOperationException(outcome.Message),
            _ => outcome,
        };
    }

    /// <summary>
    /// A campaign or sweep, locally on <paramref name="jobs"/> threads when <paramref name="cluster"/> is null, else on
    /// the workers (the scenario shipped as it was read: <paramref name="file"/>, or the embedded default): the summary,
    /// and when <c>--max-failures</c> stopped it, the sentence that says so.
    /// </summary>
    public static (SweepSummary Sweep, string? Stopped) Sweep(
        ClusterRequest? cluster, TextWriter error, FileInfo? file, Scenario scenario, IReadOnlyList<SweepAxis> axes,
        IReadOnlyList<(ImmutableArray<SettingOverride> Settings, Scenario Scenario)> points, ulong first, int seeds, int jobs, string description)
    {
        var total = points.Count * seeds;
        if (cluster is null)
            return (RunProgress.Run(error, description, total, done => SweepRunner.Run(scenario, axes, points, first, seeds, jobs, done)), null);
        var source = file is null ? ScenarioSource.Default() : ScenarioSource.Read(file.ToString()) ?? throw new UsageException($"cannot read '{file}'");
        var job = Prepare(WorkPlans.Sweep(source, axes, first, seeds, points.Count));
        using var session = Open(cluster, error);
        var outcome = Play(session, job, cluster.MaxFailures, description, error);
        var sweep = SweepRunner.Summarise(scenario, axes, points, first, seeds, [.. outcome.Results.Cast<ScenarioOutcome?>()]);
        var played = outcome.Results.Count(r => r is not null).ToString(CultureInfo.InvariantCulture);
        return (sweep, outcome.End == WorkEnd.StoppedAfterFailures
            ? $"{outcome.Message}: {played} of {total.ToString(CultureInfo.InvariantCulture)} runs played, the summary is of those"
            : null);
    }

    /// <summary>"2 workers" / "--local-workers 2" for the figures line.</summary>
    public static string Describe(ClusterRequest request) => request.LocalWorkers is { } n
        ? $"--local-workers {n.ToString(CultureInfo.InvariantCulture)} (--jobs {request.LocalJobs.ToString(CultureInfo.InvariantCulture)} each)"
        : $"--cluster at {request.Bind}";
}

/// <summary>A job and its scenario hash as the coordinator read them (<see cref="ClusterPlay.Prepare"/>).</summary>
internal sealed record PreparedJob(JobSpec Job, string ScenarioHash);
