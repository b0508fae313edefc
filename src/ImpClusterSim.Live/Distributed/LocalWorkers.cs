using System.Globalization;
using ImpClusterSim.Live.Coordinator;

namespace ImpClusterSim.Live.Distributed;

/// <summary>
/// <c>--local-workers N</c>: N <c>impsim worker</c> processes of this same build (<see cref="NodeLaunch"/>: the
/// <c>impsim</c> apphost, or <c>dotnet impsim.dll</c> when started through <c>dotnet</c> or the <c>./impsim</c>
/// script) joined to the coordinator on loopback. Each is told the coordinator's process id and stops by itself when
/// that process is gone. <see cref="Dispose"/> waits a few seconds for them to exit and kills (SIGKILL) any still
/// running; it also runs on Ctrl+C and at process exit, so no worker outlives the command.
/// </summary>
public sealed class LocalWorkers : IDisposable
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);
    private readonly List<LiveNodeProcess> _processes = [];
    private readonly Lock _lock = new();
    private bool _disposed;

    /// <summary>Starts <paramref name="count"/> workers joining <paramref name="coordinator"/>, each with <paramref name="jobs"/> threads.</summary>
    public LocalWorkers(NodeLaunch launch, int count, HostPort coordinator, int jobs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Console.CancelKeyPress += OnCancel;
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        for (var i = 0; i < count; i++)
        {
            var arguments = new[]
            {
                "worker", "--join", coordinator.ToString(), "--jobs", jobs.ToString(CultureInfo.InvariantCulture),
                "--parent-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "--quiet",
            };
            var process = new LiveNodeProcess($"worker-{i + 1}", 0, launch, arguments, jobs == 1 ? ProcessTuning.SingleRunWorker : ProcessTuning.Tool);
            lock (_lock) _processes.Add(process);
            process.Start();
        }
    }

    public IReadOnlyList<LiveNodeProcess> Processes
    {
        get
        {
            lock (_lock) return [.. _processes];
        }
    }

    /// <summary>Lines of the workers that exited with an error (for the coordinator's message when no worker joined).</summary>
    public string FailedOutput() => string.Join(Environment.NewLine, Processes
        .Where(p => p.ExitCode is { } code && code != 0)
        .Select(p => $"{p.Node} exited with {p.ExitCode?.ToString(CultureInfo.InvariantCulture)}: {p.Tail}"));

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
        }

        Console.CancelKeyPress -= OnCancel;
        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        var deadline = DateTime.UtcNow + ExitWait;
        foreach (var p in Processes)
        {
            var left = deadline - DateTime.UtcNow;
            p.WaitOrKill(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            p.Dispose();
        }
    }

    private void KillAll()
    {
        foreach (var p in Processes) p.Kill();
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e) => KillAll();

    private void OnExit(object? sender, EventArgs e) => KillAll();
}
