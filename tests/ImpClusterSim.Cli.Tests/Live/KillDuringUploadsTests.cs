using Akka.Actor;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Live.Control;
using ImpClusterSim.Live.Coordinator;

namespace ImpClusterSim.Cli.Tests.Live;

/// <summary>
/// kill -9 of a node process during a burst of 100 uploads, at several instants: after the restart (from the same
/// SQLite file) every acknowledged upload is there, whole, and nothing half-written is.
/// </summary>
[Collection("live processes")]
public sealed class KillDuringUploadsTests : IDisposable
{
    private readonly string _dir = LiveTestSupport.NewDirectory("live-kill");

    [Fact]
    public async Task Every_acknowledged_upload_survives_a_kill_9_at_several_instants_and_none_is_torn()
    {
        var topologyPath = LiveTestSupport.WriteTopology(_dir, LiveTestSupport.TwoNodes);
        var data = Path.Combine(_dir, "data");
        var options = new LiveDeploymentOptions(TopologyLoader.LoadFile(topologyPath), topologyPath, LiveTestSupport.FreePortRange(3), 60, 1, data,
            NodeLaunch.For(typeof(ImpsimCommand).Assembly.Location))
        {
            UpWithin = TimeSpan.FromSeconds(120),
        };
        const string victim = "imp-a-pub";
        var everAcknowledged = new HashSet<string>(StringComparer.Ordinal);
        var everSent = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var coordinator = await LiveCoordinator.StartAsync(options);
            long incarnation = 1;
            foreach (var killAfter in new[] { 3, 40, 85 })
            {
                var names = Enumerable.Range(0, 100).Select(i => $"k{killAfter}-cert-{i:000}").ToArray();
                everSent.UnionWith(names);
                var acknowledged = new List<string>();
                var killed = new TaskCompletionSource();
                // Each upload is answered only after its commit; the kill comes once killAfter answers are in.
                var uploads = names.Select(async name =>
                {
                    try
                    {
                        var ack = await coordinator.AskAsync<UploadAcknowledged>(victim, new UploadProbe(name, Content(name)), TimeSpan.FromSeconds(20));
                        lock (acknowledged)
                        {
                            acknowledged.Add(ack.Name);
                            if (acknowledged.Count >= killAfter) killed.TrySetResult();
                        }
                    }
                    catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
                    {
                        // Lost with the process: never acknowledged.
                    }
                }).ToArray();
                await killed.Task.WaitAsync(TimeSpan.FromSeconds(60));
                coordinator.Kill(victim);
                await Task.WhenAll(uploads);
                lock (acknowledged) everAcknowledged.UnionWith(acknowledged);

                var status = await coordinator.RestartAsync(victim, incarnation, TimeSpan.FromSeconds(120));
                Assert.Equal(incarnation + 1, status.Incarnation);
                incarnation = status.Incarnation;

                var stored = await coordinator.AskAsync<UploadList>(victim, new ListUploads(), TimeSpan.FromSeconds(20));
                Assert.Equal(0, stored.Damaged);
                Assert.Empty(everAcknowledged.Except(stored.Intact));
                Assert.Empty(stored.Intact.Except(everSent));
                Assert.True(acknowledged.Count >= killAfter);
            }
        }
        finally
        {
            Assert.Empty(LiveTestSupport.ProcessesMentioning(data));
        }
    }

    private static byte[] Content(string name) => System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(name, 200)));

    public void Dispose() => LiveTestSupport.DeleteQuietly(_dir);
}
