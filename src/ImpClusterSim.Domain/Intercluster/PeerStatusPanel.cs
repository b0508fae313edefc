using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Domain.Intercluster;

/// <summary>
/// The Inter-cluster Peer Status panel: it shows the peers' statuses as of its last refresh and refreshes itself
/// every <see cref="RefreshInterval"/> ("Allow 60 seconds for the Inter-cluster Peer Status panel to
/// auto-refresh"). A pure value: the actor (or a test) calls <see cref="At"/> with the agent's states whenever it
/// looks, and with the states about to be replaced whenever they change; the panel takes them only when a refresh is
/// due, on its own grid (<see cref="NextRefreshAt"/> and every interval after it), however late it is looked at.
/// </summary>
public sealed record PeerStatusPanel(TimeSpan RefreshInterval, SimInstant? LastRefreshed, ImmutableArray<PeerStatusRow> Rows)
{
    public const string CheckMark = "\u2713";
    public const string ErrorMark = "\u2717";

    public static PeerStatusPanel Empty(IcsaTimings timings) => new(timings.PanelRefresh, null, []);

    /// <summary>
    /// When the next auto-refresh happens: one interval after the last refresh unless set (<see cref="RefreshingNextAt"/>);
    /// null before the first refresh (the page is not open yet).
    /// </summary>
    public SimInstant? NextRefreshAt
    {
        get => _nextRefreshAt ?? LastRefreshed + RefreshInterval;
        init => _nextRefreshAt = value;
    }

    private readonly SimInstant? _nextRefreshAt;

    /// <summary>Refreshes now (the page is opened or reloaded); the next refresh is one interval later.</summary>
    public PeerStatusPanel Refresh(IEnumerable<PeerSyncState> states, SimInstant now) =>
        this with { LastRefreshed = now, NextRefreshAt = now + RefreshInterval, Rows = [.. states.OrderBy(s => s.PeerAddress, StringComparer.OrdinalIgnoreCase).Select(PeerStatusRow.Of)] };

    /// <summary>The same panel, auto-refreshing next at <paramref name="due"/> (the phase of the page's refresh grid).</summary>
    public PeerStatusPanel RefreshingNextAt(SimInstant due) => this with { NextRefreshAt = due };

    /// <summary>
    /// The panel as seen at <paramref name="now"/>: unchanged until a refresh is due, then refreshed with
    /// <paramref name="states"/>; the refresh time stays on the panel's own 60-second grid.
    /// </summary>
    public PeerStatusPanel At(IEnumerable<PeerSyncState> states, SimInstant now)
    {
        if (LastRefreshed is null || NextRefreshAt is not { } due)
        {
            return Refresh(states, now);
        }
        if (now < due)
        {
            return this;
        }
        var ticks = (now - due).Ticks / RefreshInterval.Ticks;
        return Refresh(states, due + TimeSpan.FromTicks(RefreshInterval.Ticks * ticks));
    }

    public PeerStatusRow? RowFor(string peerAddress) =>
        Rows.FirstOrDefault(r => string.Equals(r.PeerAddress, peerAddress, StringComparison.OrdinalIgnoreCase));

    /// <summary>The panel as text: per peer its address, each result entry with a check mark or an error mark, and the last sync.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        text.Append("Inter-cluster Peer Status").Append(LastRefreshed is { } at ? $" (refreshed {at})" : "").Append('\n');
        if (Rows.IsEmpty)
        {
            text.Append("  No intercluster peers are configured.\n");
        }
        foreach (var row in Rows)
        {
            text.Append(row.PeerAddress).Append(" (").Append(row.Protocol.ToString().ToUpperInvariant()).Append(")\n");
            foreach (var entry in row.Results)
            {
                var detail = entry.Name switch
                {
                    PeerResultEntry.CertificateStatus => row.CertificateStatus.Text,
                    PeerResultEntry.AssociatedUsers when entry.Passed => (row.AssociatedUsers ?? 0).ToString(CultureInfo.InvariantCulture),
                    _ => entry.Passed ? "" : entry.Detail,
                };
                text.Append("  ").Append(entry.Passed ? CheckMark : ErrorMark).Append(' ').Append(entry.Name)
                    .Append(detail.Length > 0 ? $": {detail}" : "").Append('\n');
            }
            if (row.Results.IsEmpty)
            {
                text.Append("  ").Append(ErrorMark).Append(' ').Append(PeerResultEntry.CertificateStatus).Append(": ")
                    .Append(row.CertificateStatus.Text).Append('\n');
            }
            text.Append("  Last Synchronized Time: ").Append(row.LastSynchronized?.ToString() ?? "never").Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }
}
