using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ImpClusterSim.Cli.Run;
using Spectre.Console;

namespace ImpClusterSim.Cli.Bench;

/// <summary>
/// The figures of <c>impsim bench</c> for people (a table: median, spread, target, pass/short) and for programs
/// (<c>--json</c>; the shape is in docs/bench.md).
/// </summary>
public static class BenchReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The table of figures and a one-line tally.</summary>
    public static void Render(TextWriter output, ImmutableArray<BenchFigure> figures, int repetitions)
    {
        var console = TableConsole.For(output);
        var table = new Table().Border(TableBorder.Simple)
            .Title(string.Create(C, $"impsim bench: median of {repetitions} repetition{(repetitions == 1 ? "" : "s")} (wall clock of this machine)"));
        table.AddColumn("figure");
        table.AddColumn(new TableColumn("median").RightAligned());
        table.AddColumn("spread (min - max)");
        table.AddColumn("target");
        table.AddColumn("verdict");
        table.AddColumn("what");
        foreach (var f in figures)
        {
            table.AddRow(
                Markup.Escape(f.Id),
                Markup.Escape($"{BenchFigure.Format(f.Median)} {f.Unit}"),
                Markup.Escape(Spread(f)),
                Markup.Escape($"{f.Target.Describe(BenchFigure.Format)} {f.Unit}"),
                f.Passed ? "pass" : "[red]short[/]",
                Markup.Escape(f.Description));
        }
        console.Write(table);
        var shortOnes = figures.Where(f => !f.Passed).Select(f => f.Id).ToList();
        output.WriteLine(shortOnes.Count == 0
            ? $"{figures.Length} figures, every one meets its target"
            : $"{figures.Length} figures: {figures.Length - shortOnes.Count} pass, {shortOnes.Count} short of the target ({string.Join(", ", shortOnes)})");
        output.WriteLine("targets and where they come from: docs/bench.md; the figures vary with the machine's load");
    }

    private static string Spread(BenchFigure f) =>
        f.Samples.Length == 1
            ? "one sample"
            : string.Create(C, $"{BenchFigure.Format(f.Min)} - {BenchFigure.Format(f.Max)} ({f.RelativeSpread:P0} of the median)");

    /// <summary>The figures as one JSON document.</summary>
    public static string ToJson(ImmutableArray<BenchFigure> figures, int repetitions)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("repetitions", repetitions);
            w.WriteNumber("processors", Environment.ProcessorCount);
            w.WriteString("runtime", System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
            w.WriteNumber("passed", figures.Count(f => f.Passed));
            w.WriteNumber("short", figures.Count(f => !f.Passed));
            w.WriteStartArray("figures");
            foreach (var f in figures)
            {
                w.WriteStartObject();
                w.WriteString("id", f.Id);
                w.WriteString("measurement", f.Group);
                w.WriteString("description", f.Description);
                w.WriteString("unit", f.Unit);
                w.WriteNumber("median", f.Median);
                w.WriteNumber("min", f.Min);
                w.WriteNumber("max", f.Max);
                w.WriteNumber("relativeSpread", f.RelativeSpread);
                w.WriteStartArray("samples");
                foreach (var s in f.Samples) w.WriteNumberValue(s);
                w.WriteEndArray();
                w.WriteStartObject("target");
                w.WriteString("sense", f.Target.SenseName);
                w.WriteNumber("value", f.Target.Value);
                w.WriteString("basis", f.Target.Basis);
                w.WriteEndObject();
                w.WriteString("verdict", f.Verdict);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
