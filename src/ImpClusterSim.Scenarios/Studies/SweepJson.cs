using System.Text;
using System.Text.Json;
using ImpClusterSim.Scenarios.Campaigns;
using ImpClusterSim.Scenarios.Outcome;

namespace ImpClusterSim.Scenarios.Studies;

/// <summary>
/// A sweep or campaign as JSON (docs/timing-studies.md, "JSON"): the scenario, seeds, axes, and per grid point and
/// check: runs, held, share, the 95 % Wilson interval, the time-to-condition percentiles in virtual seconds (each with
/// whether the sample resolves it; null seconds mean "never"), and every seed where the check did not hold.
/// </summary>
public static class SweepJson
{
    public static string Write(SweepSummary sweep)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("scenario", sweep.Scenario);
            w.WriteNumber("firstSeed", sweep.FirstSeed);
            w.WriteNumber("seeds", sweep.SeedCount);
            w.WriteBoolean("passed", sweep.Passed);
            w.WriteStartArray("axes");
            foreach (var a in sweep.Axes)
            {
                w.WriteStartObject();
                w.WriteString("key", a.Key);
                w.WriteStartArray("values");
                foreach (var v in a.Values) w.WriteStringValue(v);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("points");
            foreach (var p in sweep.Points) WritePoint(w, p);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WritePoint(Utf8JsonWriter w, SweepPoint p)
    {
        w.WriteStartObject();
        w.WriteStartObject("settings");
        foreach (var s in p.Settings) w.WriteString(s.Key, s.Value);
        w.WriteEndObject();
        w.WriteBoolean("passed", p.Summary.Passed);
        w.WriteStartArray("failedSeeds");
        foreach (var seed in p.Summary.FailedSeeds) w.WriteNumberValue(seed);
        w.WriteEndArray();
        w.WriteStartObject("traceHashes");
        foreach (var (seed, hash) in p.Summary.Seeds.Zip(p.Summary.TraceHashes)) w.WriteString(seed.ToString(System.Globalization.CultureInfo.InvariantCulture), hash);
        w.WriteEndObject();
        w.WriteStartArray("checks");
        foreach (var c in p.Summary.Checks) WriteCheck(w, c);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCheck(Utf8JsonWriter w, CheckStatistics c)
    {
        w.WriteStartObject();
        w.WriteString("name", c.Name);
        w.WriteString("kind", c.Kind == CheckKind.Expectation ? "expectation" : "assumption");
        w.WriteNumber("runs", c.Runs);
        w.WriteNumber("held", c.Held);
        w.WriteNumber("share", c.HeldShare);
        w.WriteStartObject("wilson95");
        w.WriteNumber("low", c.HeldInterval.Low);
        w.WriteNumber("high", c.HeldInterval.High);
        w.WriteEndObject();
        if (c.Timing is { } t)
        {
            w.WriteStartObject("timeToCondition");
            w.WriteString("anchor", c.Anchor);
            w.WriteNumber("windowSeconds", c.Window!.Value.TotalSeconds);
            w.WriteNumber("samples", t.Count);
            w.WriteNumber("never", t.Never);
            foreach (var p in TimeDistribution.Reported)
            {
                w.WriteStartObject(PercentileName.Of(p));
                Seconds(w, t.Percentile(p));
                w.WriteBoolean("resolved", t.Resolves(p));
                if (!t.Resolves(p)) w.WriteNumber("samplesNeeded", TimeDistribution.SamplesToResolve(p));
                w.WriteEndObject();
            }

            w.WriteStartObject("max");
            Seconds(w, t.Max);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        else w.WriteNull("timeToCondition");

        w.WriteStartArray("seedsNotHeld");
        foreach (var seed in c.SeedsNotHeld) w.WriteNumberValue(seed);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Seconds(Utf8JsonWriter w, TimeSpan? t)
    {
        if (t is { } v) w.WriteNumber("seconds", v.TotalSeconds);
        else w.WriteNull("seconds");
    }
}
