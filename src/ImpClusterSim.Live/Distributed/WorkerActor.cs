using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Akka.Cluster;

namespace ImpClusterSim.Live.Distributed;

/// <summary>A job as a worker loaded it: its scenario hash and how to play one item (on the calling thread, whole).</summary>
public interface IWorkPlan
{
    string ScenarioHash { get; }

    /// <summary>Plays item <paramref name="item"/> and returns its compact result (a value with a registered codec).</summary>
    object Play(int item);
}

/// <summary>
/// A worker: where the coordinator is, this build, how many items to play at once, how to load a job (throws
/// <see cref="JobLoadException"/> when it cannot), how long to wait for the coordinator to answer, and where messages go.
/// </summary>
public sealed record WorkerSettings(HostPort Coordinator, string Build, int Jobs, Func<JobSpec, IWorkPlan> Load, TimeSpan Wait, Action<string> Log);

/// <summary>How a worker ended: done (the coordinator finished), refused (another build or scenario), or the coordinator lost.</summary>
public sealed record WorkerEnd(bool Refused, bool Failed, string Message, int Played);

/// <summary>
/// The worker (docs/distributed.md): once a cluster member, registers with the coordinator (by actor selection at the
/// address it joined), loads the job it is offered, and pulls leases: it keeps up to twice <c>--jobs</c> items leased
/// and plays them on <c>--jobs</c> threads of its own (each run whole on one thread, as a local campaign does), sending
/// each item's result as soon as it is played and a heartbeat every second. Ends when the coordinator says the job is
/// finished, refuses it, or is gone.
/// </summary>
public sealed class WorkerActor : ReceiveActor, IWithTimers
{
    private const string TickKey = "tick";
    private readonly WorkerSettings _s;
    private readonly TaskCompletionSource<WorkerEnd> _end;
    private readonly BlockingCollection<Leased> _queue = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly List<Thread> _threads = [];
    private IActorRef? _coordinator;
    private IWorkPlan? _plan;
    private int _job;
    private bool _up;
    private bool _requested;
    private bool _noMoreWork;
    private int _outstanding;
    private int _played;
    private TimeSpan _lastRegister = TimeSpan.FromDays(-1);

    public WorkerActor(WorkerSettings settings, TaskCompletionSource<WorkerEnd> end)
    {
        _s = settings;
        _end = end;
        Receive<ClusterEvent.MemberUp>(m => SelfUp(m.Member));
        Receive<ClusterEvent.MemberWeaklyUp>(m => SelfUp(m.Member));
        Receive<ClusterEvent.UnreachableMember>(m => CoordinatorGone(m.Member, "is unreachable"));
        Receive<ClusterEvent.MemberRemoved>(m => CoordinatorGone(m.Member, "left the cluster"));
        Receive<ClusterEvent.IMemberEvent>(_ => { });
        Receive<JobOffer>(Offer);
        Receive<WorkerRefused>(m => End(new WorkerEnd(true, true, "refused by the coordinator: " + m.Reason, _played)));
        Receive<JobFinished>(m => End(new WorkerEnd(false, false, $"the coordinator finished ({m.Reason}); {_played.ToString(CultureInfo.InvariantCulture)} seed(s) played here", _played)));
        Receive<LeaseGranted>(m =>
        {
            if (m.Job != _job) return;
            _requested = false;
            foreach (var i in m.Items) _queue.Add(new Leased(m.Job, _plan!, m.Lease, i));
            _outstanding += m.Items.Length;
            Pull();
        });
        Receive<NoLeaseNow>(m =>
        {
            if (m.Job != _job) return;
            _requested = false;
            _noMoreWork = m.Finished;
        });
        Receive<Played>(m =>
        {
            if (m.Work.Job != _job) return;
            _outstanding--;
            _played++;
            _coordinator?.Tell(new ItemResult(m.Work.Job, m.Work.Lease, m.Work.Item, _s.Build, m.Work.Plan.ScenarioHash, m.Result));
            Pull();
        });
        Receive<PlayFailed>(m =>
        {
            if (m.Work.Job != _job) return;
            _outstanding--;
            _coordinator?.Tell(new ItemError(m.Work.Job, m.Work.Lease, m.Work.Item, m.Message));
        });
        Receive<Tick>(_ => OnTick());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.UnreachableMember));
        Timers.StartPeriodicTimer(TickKey, Tick.Instance, TimeSpan.FromMilliseconds(500));
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        Cluster.Get(Context.System).Unsubscribe(Self);
        _end.TrySetResult(new WorkerEnd(false, true, "the worker stopped", _played));
    }

    private Address CoordinatorAddress => Address.Parse(LiveHocon.AddressOf(_s.Coordinator.Host, _s.Coordinator.Port));

    private void SelfUp(Member member)
    {
        if (!member.Address.Equals(Cluster.Get(Context.System).SelfAddress) || _up) return;
        _up = true;
        RegisterNow();
    }

    private void RegisterNow()
    {
        _lastRegister = _wall.Elapsed;
        Context.ActorSelection($"{CoordinatorAddress}/user/{WorkHosting.CoordinatorName}")
            .Tell(new RegisterWorker(Self.Path.ToStringWithAddress(), _s.Build, _s.Jobs));
    }

    private void CoordinatorGone(Member member, string why)
    {
        if (!member.HasRole(WorkHosting.CoordinatorRole)) return;
        End(new WorkerEnd(false, true, $"the coordinator at {_s.Coordinator} {why}; {_played.ToString(CultureInfo.InvariantCulture)} seed(s) played here", _played));
    }

    private void Offer(JobOffer offer)
    {
        if (offer.Job <= _job) return;
        if (offer.Build != _s.Build)
        {
            End(new WorkerEnd(true, true, $"the coordinator runs impsim {offer.Build}, this worker {_s.Build}: start workers from the same build", _played));
            return;
        }

        _coordinator = Sender;
        try
        {
            _plan = _s.Load(offer.Spec);
        }
        catch (JobLoadException e)
        {
            Sender.Tell(new JobNotLoaded(e.Message));
            End(new WorkerEnd(true, true, "cannot load the coordinator's job here: " + e.Message, _played));
            return;
        }

        // A new job: what is still queued of the previous one is dropped (its results would be ignored).
        _job = offer.Job;
        while (_queue.TryTake(out _))
        {
        }

        _outstanding = 0;
        _requested = false;
        _noMoreWork = false;
        _s.Log($"playing {offer.Spec.Kind} of {offer.Spec.File} ({offer.Spec.Items.ToString(CultureInfo.InvariantCulture)} items) for the coordinator at {_s.Coordinator}, --jobs {_s.Jobs.ToString(CultureInfo.InvariantCulture)}");
        var self = Self;
        for (var t = _threads.Count; t < _s.Jobs; t++)
        {
            var thread = new Thread(() => Work(self)) { IsBackground = true, Name = $"impsim-worker-{t + 1}" };
            _threads.Add(thread);
            thread.Start();
        }

        Pull();
    }

    private void Work(IActorRef self)
    {
        try
        {
            foreach (var work in _queue.GetConsumingEnumerable(_stop.Token))
            {
                try
                {
                    self.Tell(new Played(work, work.Plan.Play(work.Item)));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    self.Tell(new PlayFailed(work, $"{e.GetType().Name}: {e.Message}"));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The worker is stopping.
        }
    }

    /// <summary>Asks for more when fewer than twice --jobs items are queued or playing.</summary>
    private void Pull()
    {
        if (_plan is null || _coordinator is null || _requested || _noMoreWork) return;
        var wanted = 2 * _s.Jobs - _outstanding;
        if (wanted < 1) return;
        _requested = true;
        _coordinator.Tell(new RequestLease(_job, _plan.ScenarioHash, wanted));
    }

    private void OnTick()
    {
        if (_plan is null)
        {
            if (_wall.Elapsed > _s.Wait)
            {
                End(new WorkerEnd(false, true, $"no coordinator answered at {_s.Coordinator} within {_s.Wait.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s (is `impsim campaign|chaos|sweep --cluster --bind {_s.Coordinator}` running there?)", _played));
                return;
            }

            if (_up && _wall.Elapsed - _lastRegister > TimeSpan.FromSeconds(2)) RegisterNow();
            return;
        }

        _coordinator?.Tell(new WorkerAlive(_outstanding));
        if (!_requested && !_noMoreWork) Pull();
    }

    private void End(WorkerEnd end)
    {
        _stop.Cancel();
        _end.TrySetResult(end);
    }

    private sealed record Leased(int Job, IWorkPlan Plan, long Lease, int Item);

    private sealed record Played(Leased Work, object Result);

    private sealed record PlayFailed(Leased Work, string Message);

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}
