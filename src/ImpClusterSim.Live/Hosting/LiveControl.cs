using System.Security.Cryptography;
using Akka.Actor;
using ImpClusterSim.Live.Control;

namespace ImpClusterSim.Live;

/// <summary>
/// <c>/user/control</c> of a live host system: answers the coordinator (status, trace, durable reads, the upload
/// probe) and applies its instructions (link rules, clock skew, shutdown). Every request is answered.
/// </summary>
public sealed class LiveControl : ReceiveActor
{
    public const string Name = "control";
    public const string UploadPrefix = "probe/upload/";

    public LiveControl(LiveNodeHost host)
    {
        Receive<StartServices>(m =>
        {
            host.StartServices(DateTimeOffset.FromUnixTimeMilliseconds(m.EpochUnixMs));
            Sender.Tell(new ControlAck("services-started"));
        });
        Receive<GetNodeStatus>(_ => Sender.Tell(host.Status()));
        Receive<PullTrace>(m => Sender.Tell(host.Trace.Since(m.After) with { Incarnation = host.Incarnation, Counts = host.Network.Counts }));
        Receive<SetLinkRules>(m =>
        {
            host.Network.Rules = m.Rules;
            Sender.Tell(new ControlAck("link-rules"));
        });
        Receive<SetSkew>(m =>
        {
            host.Clock.Skew = TimeSpan.FromTicks(m.SkewTicks);
            Sender.Tell(new ControlAck("skew"));
        });
        Receive<ReadDurable>(m =>
            Sender.Tell(new DurableValue(m.Key, host.Disk.TryGet<object>(m.Key, out var value) ? value : null)));
        Receive<UploadProbe>(m =>
        {
            // Commit first, acknowledge after: the put returns only once SQLite has synced it.
            host.Disk.Put(UploadPrefix + m.Name, new StoredUpload(m.Name, m.Content, SHA256.HashData(m.Content)));
            Sender.Tell(new UploadAcknowledged(m.Name));
        });
        Receive<ListUploads>(_ =>
        {
            var intact = new List<string>();
            var damaged = 0;
            foreach (var key in host.Disk.Keys(UploadPrefix))
            {
                if (host.Disk.TryGet<StoredUpload>(key, out var u) && key == UploadPrefix + u.Name && SHA256.HashData(u.Content).AsSpan().SequenceEqual(u.Sha256))
                    intact.Add(u.Name);
                else damaged++;
            }
            Sender.Tell(new UploadList(intact, damaged));
        });
        // A scenario's steps and probes go to the scenario agent of a node process started with a scenario.
        Receive<PlayStep>(m =>
        {
            if (host.ScenarioAgent is { } agent) agent.Forward(m);
            else if (host.Settings.PlaysScenario) Later(m);
            else Sender.Tell(new StepPlayed([new RunRecord(m.Node, "step", [KeyValuePair.Create("result", "not modelled"), KeyValuePair.Create("reply", "this node process plays no scenario")])]));
        });
        Receive<ProbeCondition>(m =>
        {
            if (host.ScenarioAgent is { } agent) agent.Forward(m);
            else if (host.Settings.PlaysScenario) Later(m);
            else Sender.Tell(new ConditionObserved(false, $"{m.Node}'s process plays no scenario"));
        });
        Receive<RunCli>(m =>
        {
            if (host.ScenarioAgent is { } agent) agent.Forward(m);
            else if (host.Settings.PlaysScenario) Later(m);
            else Sender.Tell(new CliOutput(false, $"{m.Node}'s process runs the skeleton services: they have no admin CLI"));
        });
        Receive<ListMembers>(_ =>
        {
            var members = host.Directory.Current.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
            Sender.Tell(new MemberList([.. members.Select(p => p.Key)], [.. members.Select(p => p.Value.Address.ToString())]));
        });
        Receive<ShutdownNode>(_ =>
        {
            Sender.Tell(new ControlAck("shutdown"));
            host.RequestShutdown();
        });
    }

    /// <summary>Offers <paramref name="message"/> again in 50 ms (the scenario agent is being registered), for its sender.</summary>
    private void Later(object message) =>
        Context.System.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(50), Self, message, Sender);

    public static Props Props(LiveNodeHost host) => Akka.Actor.Props.Create(() => new LiveControl(host));
}
