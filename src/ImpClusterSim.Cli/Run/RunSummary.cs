using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using ImpClusterSim.Scenarios.Outcome;

namespace ImpClusterSim.Cli.Run;

/// <summary>
/// What a run prints at the end: the figures, the trace hash and the command that replays it; for a scenario also its
/// name and its checks (in JSON, the "expectations" array: expectations and assumptions, each with its kind).
/// </summary>
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
    string Replay,
    string? Scenario = null,
    ImmutableArray<CheckOutcome> Checks = default,
    string Mode = "sim",
    long? MessagesSent = null)
{
    public double Compression => WallSeconds > 0 ? VirtualSeconds / WallSeconds : 0;

    public bool Passed => Checks.IsDefault || Checks.Where(c => c.Kind == CheckKind.Expectation).All(c => c.Passed);

    public static RunSummary Of(ScenarioOutcome outcome) => new(
        outcome.Seed,
        outcome.Nodes,
        outcome.VirtualDuration.TotalSeconds,
        outcome.WallSeconds,
        outcome.MessagesDelivered,
        outcome.MessagesDropped,
        outcome.Events.Length,
        outcome.TraceHash,
        0,
        outcome.Replay,
        outcome.Scenario,
        outcome.Checks,
        outcome.Mode,
        outcome.MessagesSent);

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            if (Scenario is not null) w.WriteString("scenario", Scenario);
            w.WriteNumber("seed", Seed);
            w.WriteNumber("nodes", Nodes);
            w.WriteNumber("virtualSeconds", VirtualSeconds);
            w.WriteNumber("wallSeconds", Math.Round(WallSeconds, 3));
            w.WriteNumber("compression", Math.Round(Compression));
            if (MessagesSent is { } sent) w.WriteNumber("messagesSent", sent);
            w.WriteNumber("messagesDelivered", MessagesDelivered);
            w.WriteNumber("messagesDropped", MessagesDropped);
            w.WriteNumber("traceEvents", TraceEvents);
            w.WriteString("traceHash", TraceHash);
            w.WriteString("replay", Replay);
            if (!Checks.IsDefault)
            {
                w.WriteBoolean("passed", Passed);
                w.WriteStartArray("expectations");
                foreach (var c in Checks)
                {
                    w.WriteStartObject();
                    w.WriteString("name", c.Name);
                    w.WriteString("kind", c.Kind == CheckKind.Expectation ? "expectation" : "assumption");
                    w.WriteBoolean("passed", c.Passed);
                    if (c.DecidedAt is { } at) w.WriteString("decidedAt", at.ToString());
                    else w.WriteNull("decidedAt");
                    w.WriteString("detail", c.Detail);
                    if (c.Timing is { } timing)
                    {
                        // Time-to-condition: seconds of virtual time after the window's anchor, null when it never held.
                        w.WriteStartObject("timeToCondition");
                        w.WriteString("anchor", timing.AnchorLabel ?? "start");
                        w.WriteNumber("deadlineSeconds", timing.Deadline.TotalSeconds);
                        if (timing.FirstHeld is { } first) w.WriteNumber("seconds", first.TotalSeconds);
                        else w.WriteNull("seconds");
                        w.WriteBoolean("never", timing.Never);
                        w.WriteEndObject();
                    }

                    w.WriteString("location", $"{c.File}:{c.Line}:{c.Column}");
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public void Render(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        if (Scenario is not null)
        {
            var expectations = Checks.Where(x => x.Kind == CheckKind.Expectation).ToArray();
            var held = expectations.Count(x => x.Passed);
            output.WriteLine($"scenario {Scenario}: {(Passed ? "PASSED" : "FAILED")} ({held} of {expectations.Length} expectations held)");
        }

        if (Mode != "sim")
        {
            output.WriteLine(string.Create(c, $"mode {Mode} | seed {Seed} (not replayable) | {Nodes} node processes | {VirtualSeconds:0} virtual s in {WallSeconds:0.0} wall s"));
            output.WriteLine(string.Create(c,
                $"messages sent {MessagesSent ?? 0}, delivered {MessagesDelivered}, dropped {MessagesDropped} (counted by the node processes) | trace events {TraceEvents} | {Replay}"));
            return;
        }

        output.WriteLine(string.Create(c, $"seed {Seed} | {Nodes} nodes | {VirtualSeconds:0} virtual s in {WallSeconds:0.000} wall s ({Compression:0}x real time)"));
        output.WriteLine(string.Create(c, $"messages delivered {MessagesDelivered}, dropped {MessagesDropped} | trace events {TraceEvents}"));
        output.WriteLine($"trace hash {TraceHash}");
        if (ForeignWork > 0)
            output.WriteLine(string.Create(c, $"NOT DETERMINISTIC: {ForeignWork} work items arrived from outside the loop thread"));
        output.WriteLine($"replay: {Replay}");
    }
}
