using System.Buffers;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Simulation.Tracing;

/// <summary>
/// Writes the run's trace as JSON lines, fields always in the order t, node, path, event, details (details in the order
/// given): <c>{"t":"2026-01-01T00:00:01.234Z","node":"imp-a-pub","path":"/user/node/cisco-tomcat","event":"service-started","details":{"k":"v"}}</c>.
/// It hashes exactly the bytes it produces (SHA-256, incrementally), with or without an output stream, so
/// <see cref="Hash"/> equals <c>sha256sum</c> of the file. Single-threaded, like the rest of a sim run.
/// </summary>
public sealed class TraceWriter : ITraceSink, IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Relaxed escaping keeps "CN=..." and "+" readable; the output is a file, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    private readonly Stream? _output;
    private readonly bool _leaveOpen;
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ArrayBufferWriter<byte> _line = new(256);
    private readonly Utf8JsonWriter _json;
    private readonly List<Action<TraceEvent>> _observers = [];
    private string? _finalHash;

    /// <summary>A writer to <paramref name="output"/>, or a hash-only writer when it is null.</summary>
    public TraceWriter(Stream? output = null, bool leaveOpen = false)
    {
        _output = output;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(_line, WriterOptions);
    }

    /// <summary>Number of events written.</summary>
    public long EventCount { get; private set; }

    /// <summary>Number of bytes written (and hashed).</summary>
    public long ByteCount { get; private set; }

    /// <summary>SHA-256 of every byte written so far, lowercase hex.</summary>
    public string Hash => _finalHash ?? Convert.ToHexStringLower(_sha256.GetCurrentHash());

    /// <summary>Calls <paramref name="observer"/> with every event after it is written (e.g. to build a timeline).</summary>
    public void AddObserver(Action<TraceEvent> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers.Add(observer);
    }

    public void Record(TraceEvent e)
    {
        ObjectDisposedException.ThrowIf(_finalHash is not null, this);
        var bytes = Format(e);
        _sha256.AppendData(bytes);
        _output?.Write(bytes);
        ByteCount += bytes.Length;
        EventCount++;
        foreach (var observer in _observers) observer(e);
    }

    /// <summary>The exact bytes of one trace line, '\n' included.</summary>
    public ReadOnlySpan<byte> Format(TraceEvent e)
    {
        _line.ResetWrittenCount();
        _json.Reset(_line);
        _json.WriteStartObject();
        Span<byte> time = stackalloc byte[SimInstant.TextLength];
        e.Time.FormatUtf8(time);
        _json.WriteString("t"u8, time);
        _json.WriteString("node"u8, e.Node);
        _json.WriteString("path"u8, e.Path);
        _json.WriteString("event"u8, e.Event);
        _json.WriteStartObject("details"u8);
        foreach (var (key, value) in e.Details) _json.WriteString(key, value);
        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.Flush();
        _line.Write("\n"u8);
        return _line.WrittenSpan;
    }

    public void Flush() => _output?.Flush();

    /// <summary>Flushes, fixes <see cref="Hash"/>, and closes the output unless it was left open.</summary>
    public void Dispose()
    {
        if (_finalHash is not null) return;
        _finalHash = Convert.ToHexStringLower(_sha256.GetCurrentHash());
        _output?.Flush();
        if (!_leaveOpen) _output?.Dispose();
        _json.Dispose();
        _sha256.Dispose();
    }
}
