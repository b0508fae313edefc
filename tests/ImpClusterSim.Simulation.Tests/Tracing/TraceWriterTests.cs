using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Simulation.Tracing;

namespace ImpClusterSim.Simulation.Tests.Tracing;

public sealed class TraceWriterTests
{
    private static readonly SimInstant T0 = SimInstant.DefaultRunStart;

    private static TraceEvent Event(int i, params (string K, string V)[] details) => new(
        T0 + TimeSpan.FromMilliseconds(1234 + i),
        "imp-a-pub",
        "/user/node/cisco-tomcat",
        "service-started",
        details.Select(d => new KeyValuePair<string, string>(d.K, d.V)).ToArray());

    private static IReadOnlyList<TraceEvent> Sample() =>
    [
        Event(0, ("status", "STARTED"), ("service", "Cisco Tomcat")),
        Event(1),
        Event(2, ("subject", "CN=imp-a-pub, O=Example \"Lab\""), ("note", "naïve ✓ <tag> & +1\\n")),
    ];

    private static (byte[] Bytes, string Hash, long Count) Write(IEnumerable<TraceEvent> events)
    {
        var output = new MemoryStream();
        using var writer = new TraceWriter(output, leaveOpen: true);
        foreach (var e in events) writer.Record(e);
        writer.Flush();
        return (output.ToArray(), writer.Hash, writer.EventCount);
    }

    [Fact]
    public void A_line_has_the_documented_shape()
    {
        var (bytes, _, _) = Write([Event(0, ("k", "v"), ("a", "b"))]);
        Assert.Equal(
            "{\"t\":\"2026-01-01T00:00:01.234Z\",\"node\":\"imp-a-pub\",\"path\":\"/user/node/cisco-tomcat\",\"event\":\"service-started\",\"details\":{\"k\":\"v\",\"a\":\"b\"}}\n",
            Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void The_hash_is_the_SHA256_of_the_bytes_written()
    {
        var (bytes, hash, count) = Write(Sample());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), hash);
        Assert.Equal(3, count);
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void An_empty_trace_has_the_hash_of_nothing()
    {
        using var writer = new TraceWriter();
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", writer.Hash);
        Assert.Equal(0, writer.EventCount);
    }

    [Fact]
    public void Same_events_give_the_same_hash_with_or_without_an_output()
    {
        var withFile = Write(Sample()).Hash;
        using var hashOnly = new TraceWriter();
        foreach (var e in Sample()) hashOnly.Record(e);
        Assert.Equal(withFile, hashOnly.Hash);
        Assert.Equal(withFile, Write(Sample()).Hash);
    }

    [Fact]
    public void Different_events_or_a_different_detail_order_give_a_different_hash()
    {
        var reference = Write(Sample()).Hash;
        Assert.NotEqual(reference, Write(Sample().Take(2)).Hash);
        Assert.NotEqual(reference, Write(Sample().Reverse()).Hash);
        var swapped = Sample().ToList();
        swapped[0] = Event(0, ("service", "Cisco Tomcat"), ("status", "STARTED"));
        Assert.NotEqual(reference, Write(swapped).Hash);
    }

    [Fact]
    public void Every_line_is_valid_JSON_with_fields_in_order_and_values_round_trip()
    {
        var (bytes, _, _) = Write(Sample());
        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("\n", text);
        var lines = text.Split('\n')[..^1];
        Assert.Equal(3, lines.Length);

        foreach (var (line, expected) in lines.Zip(Sample()))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            Assert.Equal(["t", "node", "path", "event", "details"], root.EnumerateObject().Select(p => p.Name));
            Assert.Equal(expected.Time.ToString(), root.GetProperty("t").GetString());
            Assert.Equal(expected.Node, root.GetProperty("node").GetString());
            Assert.Equal(expected.Path, root.GetProperty("path").GetString());
            Assert.Equal(expected.Event, root.GetProperty("event").GetString());
            Assert.Equal(
                expected.Details,
                root.GetProperty("details").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)));
        }
    }

    [Fact]
    public void Observers_see_every_event_in_order()
    {
        using var writer = new TraceWriter();
        var seen = new List<TraceEvent>();
        writer.AddObserver(seen.Add);
        foreach (var e in Sample()) writer.Record(e);
        Assert.Equal(Sample().Select(e => e.Time), seen.Select(e => e.Time));
        Assert.Equal(writer.EventCount, seen.Count);
    }

    [Fact]
    public void Dispose_closes_the_output_unless_left_open_and_keeps_the_hash()
    {
        var owned = new MemoryStream();
        var writer = new TraceWriter(owned);
        writer.Record(Sample()[0]);
        var before = writer.Hash;
        writer.Dispose();
        writer.Dispose();
        Assert.False(owned.CanWrite);
        Assert.Equal(before, writer.Hash);
        Assert.Throws<ObjectDisposedException>(() => writer.Record(Sample()[1]));

        var shared = new MemoryStream();
        using (var w = new TraceWriter(shared, leaveOpen: true)) w.Record(Sample()[0]);
        Assert.True(shared.CanWrite);
        Assert.Equal(before, Convert.ToHexStringLower(SHA256.HashData(shared.ToArray())));
    }

    [Fact]
    public void A_file_on_disk_has_the_reported_hash()
    {
        var path = Path.Combine(Path.GetTempPath(), $"trace-{Environment.ProcessId}-{nameof(A_file_on_disk_has_the_reported_hash)}.jsonl");
        try
        {
            string hash;
            using (var writer = new TraceWriter(File.Create(path)))
            {
                foreach (var e in Sample()) writer.Record(e);
                hash = writer.Hash;
            }
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), hash);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
