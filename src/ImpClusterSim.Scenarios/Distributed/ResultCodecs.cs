using System.Collections.Immutable;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node.Wire;
using ImpClusterSim.Scenarios.Chaos;
using ImpClusterSim.Scenarios.Outcome;

namespace ImpClusterSim.Scenarios.Distributed;

/// <summary>
/// The codecs of what a worker sends back per item (docs/distributed.md, "What travels"), version 1 each: a run's
/// outcome without its trace events (checks with verdict, decision instant, finding, window and time-to-condition;
/// trace hash; figures; fault windows), a chaos verdict (schedule, failure signature, finding, trace hash), and a
/// shrunk failure (original and minimal schedule, runs, the replay file's text). Enums travel by name.
/// </summary>
public static class ResultCodecs
{
    public static IReadOnlyList<IWireCodec> All { get; } =
    [
        new WireCodec<ScenarioOutcome>("scenario-outcome", 1, WriteOutcome, (r, _) => ReadOutcome(r)),
        new WireCodec<ChaosVerdict>("chaos-verdict", 1,
            (w, m) =>
            {
                w.Long((long)m.Seed).List(m.Faults, WriteFault).Bool(m.Signature is not null);
                if (m.Signature is { } s) w.String(s.Check).String(s.Nodes);
                w.NullableString(m.Detail).String(m.TraceHash).Long(m.MessagesDelivered).List(m.Windows, WriteWindow);
            },
            (r, _) => new ChaosVerdict((ulong)r.Long(), [.. r.List(ReadFault)], r.Bool() ? new FailureSignature(r.String(), r.String()) : null,
                r.NullableString(), r.String(), r.Long(), [.. r.List(ReadWindow)])),
        new WireCodec<ShrunkFailure>("chaos-shrunk", 1,
            (w, m) => w.Long((long)m.Seed).String(m.Signature.Check).String(m.Signature.Nodes).String(m.Detail)
                .List(m.Original, WriteFault).List(m.Minimal, WriteFault).Int(m.Runs).Bool(m.BudgetExhausted).String(m.Yaml),
            (r, _) => new ShrunkFailure((ulong)r.Long(), new FailureSignature(r.String(), r.String()), r.String(),
                [.. r.List(ReadFault)], [.. r.List(ReadFault)], r.Int(), r.Bool(), r.String())),
    ];

    private static void WriteOutcome(WireWriter w, ScenarioOutcome m)
    {
        w.String(m.Scenario).NullableString(m.GuideSection).Long((long)m.Seed).Long(m.Start.UtcTicks).Long(m.VirtualDuration.Ticks)
            .Double(m.WallSeconds).Int(m.Nodes).Long(m.MessagesDelivered).Long(m.MessagesDropped).String(m.TraceHash).String(m.Replay)
            .List(m.Checks, WriteCheck).List(m.Faults, WriteWindow);
    }

    private static ScenarioOutcome ReadOutcome(WireReader r) => new(
        r.String(), r.NullableString(), (ulong)r.Long(), new SimInstant(r.Long()), new TimeSpan(r.Long()), r.Double(), r.Int(), r.Long(), r.Long(),
        r.String(), r.String(), [.. r.List(ReadCheck)], [.. r.List(ReadWindow)], []);

    private static void WriteCheck(WireWriter w, CheckOutcome c)
    {
        w.String(c.Name).String(c.Kind.ToString()).Bool(c.Passed);
        Optional(w, c.DecidedAt?.UtcTicks);
        w.String(c.Detail).String(c.File).Int(c.Line).Int(c.Column);
        Optional(w, c.WindowFrom?.Ticks);
        Optional(w, c.WindowTo?.Ticks);
        w.Bool(c.Timing is not null);
        if (c.Timing is { } t)
        {
            w.Long(t.Anchor.Ticks).NullableString(t.AnchorLabel).Long(t.Deadline.Ticks);
            Optional(w, t.FirstHeld?.Ticks);
            w.Long(t.Horizon.Ticks);
        }
    }

    private static CheckOutcome ReadCheck(WireReader r)
    {
        var name = r.String();
        var kind = Enum<CheckKind>(r.String());
        var passed = r.Bool();
        var decided = OptionalLong(r) is { } d ? new SimInstant(d) : (SimInstant?)null;
        var check = new CheckOutcome(name, kind, passed, decided, r.String(), r.String(), r.Int(), r.Int())
        {
            WindowFrom = OptionalSpan(r),
            WindowTo = OptionalSpan(r),
        };
        if (!r.Bool()) return check;
        var timing = new ConditionTiming(new TimeSpan(r.Long()), r.NullableString(), new TimeSpan(r.Long()), OptionalSpan(r), new TimeSpan(r.Long()));
        return check with { Timing = timing };
    }

    private static void WriteFault(WireWriter w, ScheduledFault f)
    {
        w.String(f.Id).Long(f.At.Ticks);
        Optional(w, f.For?.Ticks);
        w.String(f.Kind).List(f.Args, (w2, a) => w2.String(a.Key).String(a.Value));
    }

    private static ScheduledFault ReadFault(WireReader r) =>
        new(r.String(), new TimeSpan(r.Long()), OptionalSpan(r), r.String(), [.. r.List(r2 => KeyValuePair.Create(r2.String(), r2.String()))]);

    private static void WriteWindow(WireWriter w, FaultWindow f)
    {
        w.String(f.Label).String(f.Kind).Long(f.From.UtcTicks);
        Optional(w, f.Until?.UtcTicks);
    }

    private static FaultWindow ReadWindow(WireReader r) =>
        new(r.String(), r.String(), new SimInstant(r.Long()), OptionalLong(r) is { } u ? new SimInstant(u) : null);

    private static void Optional(WireWriter w, long? value)
    {
        w.Bool(value.HasValue);
        if (value is { } v) w.Long(v);
    }

    private static long? OptionalLong(WireReader r) => r.Bool() ? r.Long() : null;

    private static TimeSpan? OptionalSpan(WireReader r) => OptionalLong(r) is { } t ? new TimeSpan(t) : null;

    private static T Enum<T>(string name) where T : struct, System.Enum =>
        System.Enum.TryParse<T>(name, ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw new WireFormatException($"'{name}' is not a {typeof(T).Name}");
}
