using System.Text.Encodings.Web;
using System.Text.Json;
using ImpClusterSim.Scenarios.Outcome;

namespace ImpClusterSim.Scenarios.Reports;

/// <summary>
/// summary.json: the run's figures and every check, for tools (keys are camelCase, in a fixed order). `impsim run
/// --json` prints the same document, so one schema serves both (docs/reports.md).
/// </summary>
public static class SummaryJson
{
    /// <summary>The document as UTF-8 bytes, ending with a newline.</summary>
    public static byte[] Write(ScenarioOutcome outcome)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("scenario", outcome.Scenario);
            if (outcome.GuideSection is { } section) json.WriteString("guideSection", section);
            else json.WriteNull("guideSection");
            json.WriteNumber("seed", outcome.Seed);
            json.WriteString("start", outcome.Start.ToString());
            json.WriteNumber("virtualSeconds", outcome.VirtualDuration.TotalSeconds);
            json.WriteNumber("wallSeconds", Math.Round(outcome.WallSeconds, 3));
            json.WriteNumber("nodes", outcome.Nodes);
            if (outcome.MessagesSent is { } sent) json.WriteNumber("messagesSent", sent);
            json.WriteNumber("messagesDelivered", outcome.MessagesDelivered);
            json.WriteNumber("messagesDropped", outcome.MessagesDropped);
            json.WriteNumber("traceEvents", outcome.Events.Length);
            json.WriteString("traceHash", outcome.TraceHash);
            json.WriteString("replay", outcome.Replay);
            json.WriteString("mode", outcome.Mode);
            json.WriteBoolean("replayable", outcome.Replayable);
            json.WriteBoolean("passed", outcome.Passed);
            json.WriteStartArray("checks");
            foreach (var c in outcome.Checks)
            {
                json.WriteStartObject();
                json.WriteString("kind", ReportText.Kind(c.Kind));
                json.WriteString("name", c.Name);
                json.WriteBoolean("passed", c.Passed);
                json.WriteString("result", ReportText.Result(c));
                if (c.DecidedAt is { } at)
                {
                    json.WriteString("decidedAt", at.ToString());
                    json.WriteString("decidedAfter", ReportText.Since(outcome, at));
                }
                else
                {
                    json.WriteNull("decidedAt");
                    json.WriteNull("decidedAfter");
                }
                json.WriteString("detail", c.Detail);
                json.WriteString("location", ReportText.Where(c));
                json.WriteString("file", c.File);
                json.WriteNumber("line", c.Line);
                json.WriteNumber("column", c.Column);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("faults");
            foreach (var f in outcome.Faults)
            {
                json.WriteStartObject();
                json.WriteString("label", f.Label);
                json.WriteString("kind", f.Kind);
                json.WriteString("from", f.From.ToString());
                if (f.Until is { } until) json.WriteString("until", until.ToString());
                else json.WriteNull("until");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
