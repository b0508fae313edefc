using System.Collections.Immutable;

namespace ImpClusterSim.Domain.Settings;

/// <summary>Something that happened when a service loaded the saved settings.</summary>
public abstract record SettingsEvent;

/// <summary>A saved value is now active on a node (it differs from what was active before, or nothing was).</summary>
public sealed record SettingActivated(string Node, SecuritySetting Setting, string Value) : SettingsEvent;

/// <summary>Reported when the Cisco XCP Router starts with a node-to-node domain its cup-xmpp-s2s certificate lacks.</summary>
public sealed record DomainMismatchDetected(NodeToNodeDomainMismatch Mismatch) : SettingsEvent;

/// <summary>The result of a service start: the node's new active settings and what happened.</summary>
public sealed record SettingsLoadResult(NodeActiveSettings State, ImmutableArray<SettingsEvent> Events);

/// <summary>A saved value that is not yet active on a node, and the service to restart there.</summary>
public sealed record PendingSetting(SecuritySetting Setting, string Label, string RestartService, string SavedValue, string? ActiveValue);
