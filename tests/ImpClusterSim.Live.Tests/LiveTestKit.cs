using System.Net;
using System.Net.Sockets;
using ImpClusterSim.Live;

namespace ImpClusterSim.Live.Tests;

/// <summary>What the live tests share: a free loopback port, bounded waits on a condition (wall time), and clean-up.</summary>
internal static class LiveTestKit
{
    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> after <paramref name="bound"/> (wall time).</summary>
    public static Task WaitFor(Func<bool> condition, string what, TimeSpan bound) =>
        WaitForAsync(() => Task.FromResult(condition()), what, bound);

    /// <summary>As <see cref="WaitFor"/>, for a condition that has to ask.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, string what, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"not within {bound.TotalSeconds:0} s: {what}");
            await Task.Delay(20);
        }
    }

    /// <summary>Stops every host, releases the SQLite files and deletes the test's folder.</summary>
    public static async Task DisposeHosts(IEnumerable<LiveNodeHost> hosts, string dir)
    {
        foreach (var host in hosts) await host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }
}
