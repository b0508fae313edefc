using System.Diagnostics;
using System.Globalization;

namespace ImpClusterSim.Live.Coordinator;

/// <summary>
/// One <c>impsim node</c> OS process started by the coordinator: its arguments (kept to restart it the same way, on
/// the same port, with the same SQLite file), its output captured in a bounded tail for error messages.
/// <see cref="Kill"/> is <c>kill -9</c> (SIGKILL): no handler runs, nothing is flushed but what was committed.
/// </summary>
public sealed class LiveNodeProcess : IDisposable
{
    private const int TailLines = 40;
    private const int OutputLimit = 1 << 20;
    private readonly System.Text.StringBuilder _output = new();
    private readonly NodeLaunch _launch;
    private readonly IReadOnlyList<string> _arguments;
    private readonly Queue<string> _tail = new();
    private readonly Lock _lock = new();
    private Process? _process;

    /// <summary>
    /// A process of <paramref name="launch"/> with <paramref name="arguments"/> and the runtime settings of
    /// <paramref name="tuning"/>.
    /// </summary>
    public LiveNodeProcess(string node, int port, NodeLaunch launch, IReadOnlyList<string> arguments, ProcessTuning tuning = ProcessTuning.Node)
    {
        Node = node;
        Port = port;
        _launch = launch;
        _arguments = arguments;
        _tuning = tuning;
    }

    private readonly ProcessTuning _tuning;

    public string Node { get; }

    public int Port { get; }

    public int Starts { get; private set; }

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The last lines the process wrote (stdout and stderr), for error messages.</summary>
    public string Tail
    {
        get
        {
            lock (_lock) return string.Join(Environment.NewLine, _tail);
        }
    }

    /// <summary>Everything the process wrote since it was first started (up to 1 MiB; later lines are only in <see cref="Tail"/>).</summary>
    public string Output
    {
        get
        {
            lock (_lock) return _output.ToString();
        }
    }

    public void Start()
    {
        if (IsRunning) throw new InvalidOperationException($"{Node} is already running (pid {_process!.Id})");
        var info = new ProcessStartInfo(_launch.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in _launch.Prefix.Concat(_arguments)) info.ArgumentList.Add(a);
        Tune(info.Environment, _tuning);
        _process?.Dispose();
        _process = new Process { StartInfo = info, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;
    }

    /// <summary>
    /// The environment of <paramref name="tuning"/>, on top of what every impsim process has from its runtime config
    /// (tiered PGO off, idle thread-pool workers do not spin). A value already in the environment is kept.
    /// </summary>
    private static void Tune(IDictionary<string, string?> environment, ProcessTuning tuning)
    {
        switch (tuning)
        {
            case ProcessTuning.Node:
                // Small heaps for many processes on a small machine: workstation GC, not concurrent; and methods are
                // not recompiled at tier 1 until start-up has been quiet for 5 s (docs/live.md, "Start-up": the
                // ReadyToRun code runs meanwhile).
                environment["DOTNET_gcServer"] = "0";
                environment["DOTNET_gcConcurrent"] = "0";
                environment.TryAdd("DOTNET_TC_CallCountingDelayMs", "5000");
                break;
            case ProcessTuning.SingleRunWorker:
                // One run at a time: one heap and one collector thread, as a workstation; the server collector's heap
                // per core and its threads only contend with the other worker on a small machine (docs/distributed.md).
                environment.TryAdd("DOTNET_gcServer", "0");
                break;
        }
    }

    /// <summary>SIGKILL, then wait for the process to be gone (bounded).</summary>
    public void Kill()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: false);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Waits up to <paramref name="within"/> for the process to exit by itself; kills it if it does not.</summary>
    public bool WaitOrKill(TimeSpan within)
    {
        if (_process is null) return true;
        var exited = _process.WaitForExit((int)within.TotalMilliseconds);
        if (!exited) Kill();
        return exited;
    }

    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_lock)
        {
            _tail.Enqueue(line);
            if (_output.Length + line.Length < OutputLimit) _output.AppendLine(line);
            while (_tail.Count > TailLines) _tail.Dequeue();
        }
    }

    public override string ToString() => $"{Node} (port {Port.ToString(CultureInfo.InvariantCulture)}, pid {ProcessId?.ToString(CultureInfo.InvariantCulture) ?? "-"})";
}

/// <summary>The runtime settings a child process of impsim starts with.</summary>
public enum ProcessTuning
{
    /// <summary>
    /// A node process, many on one machine: small heaps and a quiet start (workstation GC, tier-1 recompilation after
    /// 5 s: docs/live.md, "Start-up").
    /// </summary>
    Node,

    /// <summary>An <c>impsim worker --jobs 1</c> process: the tool's settings, but the workstation garbage collector.</summary>
    SingleRunWorker,

    /// <summary>An <c>impsim worker</c> with several jobs: the tool's own runtime settings (server garbage collector).</summary>
    Tool,
}
