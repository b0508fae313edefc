using System.Globalization;
using System.Text.Json;

namespace ImpClusterSim.Cli.Run;

/// <summary>What a run prints at the end: the figures, the trace hash and the command that replays it.</summary>
public sealed record RunSummary(
    ulong Seed,
    int Nodes,
    double VirtualSeconds,
    double WallSeconds,
    long MessagesDelivered,
    long MessagesDropped,
    long TraceEvents,
    string TraceHash,
    long ForeignWork,
    string Replay)
{
    public double Compression => WallSeconds > 0 ? VirtualSeconds / WallSeconds : 0;

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("seed", Seed);
            w.WriteNumber("nodes", Nodes);
            w.WriteNumber("virtualSeconds", VirtualSeconds);
            w.WriteNumber("wallSeconds", Math.Round(WallSeconds, 3));
            w.WriteNumber("compression", Math.Round(Compression));
            w.WriteNumber("messagesDelivered", MessagesDelivered);
            w.WriteNumber("messagesDropped", MessagesDropped);
            w.WriteNumber("traceEvents", TraceEvents);
            w.WriteString("traceHash", TraceHash);
            w.WriteString("replay", Replay);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public void Render(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(string.Create(c, $"seed {Seed} | {Nodes} nodes | {VirtualSeconds:0} virtual s in {WallSeconds:0.000} wall s ({Compression:0}x real time)"));
        output.WriteLine(string.Create(c, $"messages delivered {MessagesDelivered}, dropped {MessagesDropped} | trace events {TraceEvents}"));
        output.WriteLine($"trace hash {TraceHash}");
        if (ForeignWork > 0)
            output.WriteLine(string.Create(c, $"NOT DETERMINISTIC: {ForeignWork} work items arrived from outside the loop thread"));
        output.WriteLine($"replay: {Replay}");
    }
}
