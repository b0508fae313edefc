using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Akka.Cluster;

namespace ImpClusterSim.Live.Distributed;

/// <summary>
/// What a coordinator's session needs: the build every worker must run, the lease timeout (a worker silent longer
/// loses its leases), how long to wait for a first worker (and for another one when every worker was lost), and where
/// messages go (worker joined, lost, refused). Times are wall time.
/// </summary>
public sealed record SessionSettings(string Build, TimeSpan LeaseTimeout, TimeSpan WorkerWait, Action<string> Log);

/// <summary>
/// One job of a session: the job and its scenario hash (as the coordinator loaded it), the failures after which to
/// stop (null: never), how to tell a failing result, and where progress goes.
/// </summary>
public sealed record JobSettings(JobSpec Spec, string ScenarioHash, int? MaxFailures, Func<object, bool> IsFailure, Action<WorkProgress> Progress);

/// <summary>Seeds (items) done out of the total and, per worker taking part, its address and how many it played.</summary>
public sealed record WorkProgress(int Done, int Total, ImmutableArray<(string Worker, int Played)> Workers)
{
    /// <summary>"2 workers: 127.0.0.1:40411 57, 127.0.0.1:40413 60".</summary>
    public string WorkersText => Workers.IsEmpty
        ? "waiting for workers"
        : $"{Workers.Length} worker{(Workers.Length == 1 ? "" : "s")}: " + string.Join(", ", Workers.Select(w => $"{w.Worker} {w.Played.ToString(CultureInfo.InvariantCulture)}"));
}

/// <summary>How a job ended.</summary>
public enum WorkEnd
{
    /// <summary>Every item has its result.</summary>
    Complete,

    /// <summary>Stopped early: <c>--max-failures</c> failing items.</summary>
    StoppedAfterFailures,

    /// <summary>No worker joined within the wait (or none came back after every worker was lost).</summary>
    NoWorkers,

    /// <summary>Playing an item threw on a worker: a defect of impsim.</summary>
    WorkerDefect,
}

/// <summary>The results in item order (null where not played), how it ended with a message, and the workers refused or lost on the way.</summary>
public sealed record WorkOutcome(IReadOnlyList<object?> Results, WorkEnd End, string Message, ImmutableArray<string> Refused, ImmutableArray<string> Lost);

/// <summary>
/// The coordinator (docs/distributed.md): workers register (their build checked) and stay for the session; each job
/// (<see cref="StartJob"/>) is offered to every registered worker, which loads it and pulls leases of items
/// (<see cref="LeaseBook"/>), sending one result per item (build and scenario hash checked). A worker that becomes
/// unreachable, leaves, or is silent longer than the lease timeout loses its leases, which go to the others. A job
/// ends when every item has a result, after <c>--max-failures</c>, on a worker's defect, or when no worker is there for
/// the wait. <see cref="EndSession"/> tells every worker <see cref="JobFinished"/>.
/// </summary>
public sealed class WorkCoordinatorActor : ReceiveActor, IWithTimers
{
    private const string TickKey = "tick";
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);
    private readonly SessionSettings _s;
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly Dictionary<string, (IActorRef Ref, int Jobs)> _workers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _refusedIds = new(StringComparer.Ordinal);
    private readonly ImmutableArray<string>.Builder _refused = ImmutableArray.CreateBuilder<string>();
    private readonly ImmutableArray<string>.Builder _lost = ImmutableArray.CreateBuilder<string>();
    private JobSettings? _job;
    private TaskCompletionSource<WorkOutcome>? _done;
    private LeaseBook _book = new(0);
    private int _jobNumber;
    private TimeSpan _alone;
    private bool _ended;

    public WorkCoordinatorActor(SessionSettings settings)
    {
        _s = settings;
        Receive<StartJob>(Start);
        Receive<EndSession>(m =>
        {
            _ended = true;
            foreach (var w in _workers.Values) w.Ref.Tell(new JobFinished(m.Reason));
            FinishJob(WorkEnd.NoWorkers, "the session ended");
            Sender.Tell(Done.Instance);
        });
        Receive<RegisterWorker>(Register);
        Receive<JobNotLoaded>(m => Refuse(Id(Sender), $"could not load the job: {m.Reason}"));
        Receive<RequestLease>(Lease);
        Receive<ItemResult>(Result);
        Receive<ItemError>(m =>
        {
            if (m.Job == _jobNumber) FinishJob(WorkEnd.WorkerDefect, $"worker {Short(Id(Sender))} failed playing item {m.Item}: {m.Message}");
        });
        Receive<WorkerAlive>(_ => Heard(Id(Sender)));
        Receive<ClusterEvent.UnreachableMember>(m => LoseAt(m.Member.Address, "unreachable"));
        Receive<ClusterEvent.MemberRemoved>(m => LoseAt(m.Member.Address, "left the cluster"));
        Receive<ClusterEvent.IMemberEvent>(_ => { });
        Receive<Tick>(_ => OnTick());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private TimeSpan Now => _wall.Elapsed;

    protected override void PreStart()
    {
        Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.UnreachableMember));
        Timers.StartPeriodicTimer(TickKey, Tick.Instance, TickInterval);
    }

    protected override void PostStop()
    {
        Cluster.Get(Context.System).Unsubscribe(Self);
        _done?.TrySetResult(Outcome(WorkEnd.NoWorkers, "the coordinator stopped before the work was done"));
    }

    private void Start(StartJob m)
    {
        if (_job is not null) throw new InvalidOperationException("a job is already running");
        _job = m.Settings;
        _done = m.Done;
        _book = new LeaseBook(m.Settings.Spec.Items);
        _jobNumber++;
        _alone = Now;
        _refused.Clear();
        _lost.Clear();
        foreach (var (id, w) in _workers)
        {
            _book.AddWorker(id, w.Jobs, Now);
            w.Ref.Tell(Offer());
        }

        Report();
        if (_book.Complete) FinishJob(WorkEnd.Complete, "nothing to play");
    }

    private JobOffer Offer() => new(_jobNumber, _job!.Spec, _s.Build, _job.ScenarioHash);

    private void Register(RegisterWorker m)
    {
        var id = Id(Sender);
        if (_ended)
        {
            Sender.Tell(new JobFinished("the coordinator has finished"));
            return;
        }

        if (m.Build != _s.Build)
        {
            Sender.Tell(new WorkerRefused($"this worker runs impsim {m.Build}, the coordinator {_s.Build}: start workers from the same build"));
            Refuse(id, $"runs impsim {m.Build}, not the coordinator's {_s.Build}");
            return;
        }

        if (_workers.ContainsKey(id)) return;
        _workers[id] = (Sender, Math.Max(1, m.Jobs));
        _s.Log($"worker {Short(id)} joined (--jobs {m.Jobs.ToString(CultureInfo.InvariantCulture)})");
        if (_job is null) return;
        _book.AddWorker(id, m.Jobs, Now);
        Sender.Tell(Offer());
        Report();
    }

    private void Lease(RequestLease m)
    {
        var id = Id(Sender);
        if (!_workers.ContainsKey(id)) return;
        if (_job is null || m.Job != _jobNumber)
        {
            Sender.Tell(new NoLeaseNow(m.Job, false));
            return;
        }

        if (m.ScenarioHash != _job.ScenarioHash)
        {
            Sender.Tell(new WorkerRefused(HashMismatch(m.ScenarioHash)));
            Refuse(id, $"loaded the scenario with hash {m.ScenarioHash}, not the coordinator's {_job.ScenarioHash}");
            return;
        }

        Heard(id);
        if (_book.Grant(id, m.Wanted) is { } lease) Sender.Tell(new LeaseGranted(m.Job, lease.Lease, lease.Items));
        else Sender.Tell(new NoLeaseNow(m.Job, false));
    }

    private void Result(ItemResult m)
    {
        var id = Id(Sender);
        if (_job is null || m.Job != _jobNumber || !_workers.ContainsKey(id)) return;
        if (m.Build != _s.Build || m.ScenarioHash != _job.ScenarioHash)
        {
            Sender.Tell(new WorkerRefused(m.Build != _s.Build ? $"this worker runs impsim {m.Build}, the coordinator {_s.Build}" : HashMismatch(m.ScenarioHash)));
            Refuse(id, $"sent a result of build {m.Build}, scenario hash {m.ScenarioHash}");
            return;
        }

        Heard(id);
        if (!_book.Record(id, m.Item, m.Result, _job.IsFailure(m.Result))) return;
        Report();
        if (_book.Complete) FinishJob(WorkEnd.Complete, "every seed played");
        else if (_job.MaxFailures is { } max && _book.Failures >= max)
            FinishJob(WorkEnd.StoppedAfterFailures, $"stopped after {_book.Failures.ToString(CultureInfo.InvariantCulture)} failing seed(s) (--max-failures {max.ToString(CultureInfo.InvariantCulture)})");
    }

    private void Heard(string id)
    {
        if (_job is null || !_workers.TryGetValue(id, out var w)) return;
        if (!_book.Knows(id))
        {
            _book.AddWorker(id, w.Jobs, Now);
            _s.Log($"worker {Short(id)} is back");
        }

        _book.Heard(id, Now);
    }

    private void OnTick()
    {
        if (_job is null) return;
        foreach (var id in _book.Silent(Now, _s.LeaseTimeout))
            Lose(id, $"silent for more than {_s.LeaseTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s");
        if (_book.Workers.Any()) _alone = Now;
        else if (Now - _alone > _s.WorkerWait)
        {
            var wait = _s.WorkerWait.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
            var refused = _refused.Count == 0 ? "" : $"; refused: {string.Join("; ", _refused)}";
            var what = _lost.Count == 0 && _book.Done == 0
                ? $"no worker joined within {wait} s"
                : $"every worker was lost and none joined within {wait} s ({_book.Done.ToString(CultureInfo.InvariantCulture)} of {_book.Items.ToString(CultureInfo.InvariantCulture)} seeds played)";
            FinishJob(WorkEnd.NoWorkers, what + refused);
        }
    }

    private void LoseAt(Address address, string why)
    {
        foreach (var id in _workers.Where(w => w.Value.Ref.Path.Address.Equals(address)).Select(w => w.Key).ToList())
        {
            if (_job is not null && _book.Knows(id)) Lose(id, why);
            if (why == "left the cluster") _workers.Remove(id);
        }
    }

    private void Lose(string id, string why)
    {
        var back = _book.Lose(id);
        _lost.Add($"{Short(id)} ({why})");
        _s.Log($"worker {Short(id)} lost ({why}): {back.ToString(CultureInfo.InvariantCulture)} leased seed(s) go back to the pool");
        Report();
    }

    private void Refuse(string id, string why)
    {
        _book.Lose(id);
        _workers.Remove(id);
        var line = $"{Short(id)} {why}";
        if (_refusedIds.Add(line)) _refused.Add(line);
        _s.Log($"refused worker {line}");
        Report();
    }

    private string HashMismatch(string hash) =>
        $"the worker loaded the job with scenario hash {hash}, the coordinator's is {_job?.ScenarioHash}: the scenario (or a file it names) differs on the worker's machine";

    private void FinishJob(WorkEnd end, string message)
    {
        if (_job is null) return;
        _done!.TrySetResult(Outcome(end, message));
        _job = null;
        _done = null;
    }

    private WorkOutcome Outcome(WorkEnd end, string message) => new([.. _book.Results], end, message, _refused.ToImmutable(), _lost.ToImmutable());

    private void Report() => _job?.Progress(new WorkProgress(_book.Done, _book.Items, [.. _book.Workers.Select(w => (Short(w.Id), w.Played))]));

    private static string Id(IActorRef sender) => sender.Path.ToStringWithAddress();

    /// <summary>"127.0.0.1:40411" from a worker's actor path.</summary>
    private static string Short(string id)
    {
        var address = ActorPath.TryParse(id, out var path) ? path.Address : null;
        return address is { Host: { } h, Port: { } p } ? $"{h}:{p.ToString(CultureInfo.InvariantCulture)}" : id;
    }

    /// <summary>Local: play this job on the workers; <see cref="Done"/> gets its outcome.</summary>
    public sealed record StartJob(JobSettings Settings, TaskCompletionSource<WorkOutcome> Done);

    /// <summary>Local: the session is over; every worker is told, then the sender gets <see cref="Done"/>.</summary>
    public sealed record EndSession(string Reason);

    /// <summary>Local: the reply to <see cref="EndSession"/> once every worker was told.</summary>
    public sealed class Done
    {
        public static readonly Done Instance = new();
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}
