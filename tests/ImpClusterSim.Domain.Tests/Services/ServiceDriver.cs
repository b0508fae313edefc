using ImpClusterSim.Domain.Services;

namespace ImpClusterSim.Domain.Tests.Services;

/// <summary>A tiny stand-in for the service actor: applies commands and delivers due completions in virtual time.</summary>
internal sealed class ServiceDriver(NodeServices state, Func<DurationRange, TimeSpan>? draw = null)
{
    private readonly Func<DurationRange, TimeSpan> _draw = draw ?? (r => r.Max);
    private readonly List<(TimeSpan Due, long Seq, ServiceCommand Command)> _pending = [];
    private long _seq;

    public NodeServices State { get; private set; } = state;

    public TimeSpan Now { get; private set; }

    public List<ServiceEvent> Events { get; } = [];

    public ServiceReply Send(ServiceCommand command)
    {
        var result = State.Apply(command, _draw);
        State = result.State;
        foreach (var e in result.Events)
        {
            Events.Add(e);
            if (e is CompletionDue due) _pending.Add((Now + due.After, _seq++, due.Completion));
        }

        return result.Reply;
    }

    /// <summary>Delivers every completion due within <paramref name="span"/> (all of them when null).</summary>
    public void Advance(TimeSpan? span = null)
    {
        var end = span is { } s ? Now + s : TimeSpan.MaxValue;
        while (_pending.Count > 0)
        {
            var next = _pending.OrderBy(p => p.Due).ThenBy(p => p.Seq).First();
            if (next.Due > end) break;
            _pending.Remove(next);
            Now = next.Due;
            Send(next.Command);
        }

        if (span is not null) Now = end;
    }

    public ServiceStatus Status(string service) => State.StatusOf(service);
}
