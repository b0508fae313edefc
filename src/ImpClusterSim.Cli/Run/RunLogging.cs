using System.Globalization;
using ImpClusterSim.Node.Ports;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ImpClusterSim.Cli.Run;

/// <summary>
/// Serilog for a run: warnings on the console and, with --log, every event of the trace as CLEF (compact JSON), each
/// enriched with the run's seed, the node and the virtual time (the machine's time stays in @t for the reader only).
/// </summary>
public sealed class RunLogging : IDisposable
{
    private readonly Logger _logger;
    private readonly FileInfo? _clefFile;
    private bool _closed;

    private RunLogging(Logger logger, FileInfo? clefFile) => (_logger, _clefFile) = (logger, clefFile);

    /// <summary>The run's logging; with <paramref name="clefFile"/> the file is tried first (UsageException if not writable).</summary>
    public static RunLogging Create(ulong seed, FileInfo? clefFile, bool verbose)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Information()
            .Enrich.WithProperty("Seed", seed)
            .WriteTo.Console(
                restrictedToMinimumLevel: verbose ? LogEventLevel.Information : LogEventLevel.Warning,
                standardErrorFromLevel: LogEventLevel.Verbose,
                formatProvider: CultureInfo.InvariantCulture);
        if (clefFile is not null)
        {
            CheckWritable(clefFile);
            config = config.WriteTo.File(new CompactJsonFormatter(), clefFile.FullName);
        }
        return new RunLogging(config.CreateLogger(), clefFile);
    }

    /// <summary>Serilog's file sink drops what it cannot write without a word: the log file is tried before the run.</summary>
    private static void CheckWritable(FileInfo file)
    {
        try
        {
            if (Directory.Exists(file.FullName)) throw new IOException("it is a directory");
            using var probe = new FileStream(file.FullName, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new Common.UsageException($"--log: cannot write '{file.FullName}': {e.Message}");
        }
    }

    public void Observe(TraceEvent e)
    {
        var log = _logger
            .ForContext("VirtualTime", e.Time.ToString())
            .ForContext("Node", e.Node)
            .ForContext("ActorPath", e.Path)
            .ForContext("Details", e.Details.ToDictionary(d => d.Key, d => d.Value), destructureObjects: true);
        log.Information("{Event} on {Node} at {VirtualTime}", e.Event, e.Node, e.Time.ToString());
    }

    /// <summary>
    /// Flushes and closes the log. True (with the message on <paramref name="error"/>) when the --log file could not be
    /// written whole, e.g. a full disk: the file sink only fails when it flushes, after the run.
    /// </summary>
    public bool CloseFailed(TextWriter error)
    {
        if (_closed) return false;
        _closed = true;
        try
        {
            _logger.Dispose();
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"impsim: --log: cannot write '{_clefFile?.FullName}': {e.Message}; the run above is complete, its log file is not");
            return true;
        }
    }

    public void Dispose() => CloseFailed(TextWriter.Null);
}
