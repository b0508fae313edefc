using Akka.Actor;
using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Node.Runtime;

/// <summary>Cisco Unified CM Administration on a CUCM node: SIP trunk security profiles and SIP trunks.</summary>
public sealed partial class NodePlatform
{
    private void OnCucmOperation(CucmOperation op)
    {
        if (_setup.Node.Kind != NodeKind.Cucm)
        {
            op.ReplyTo.Tell(new AdminReply(_node.NodeName, op.MenuPath, false, ["This page belongs to Cisco Unified CM Administration (a CUCM node)"]));
            return;
        }
        var cucm = _state.Cucm;
        string? refusal = null;
        switch (op.Item)
        {
            case SipTrunkSecurityProfile p when string.IsNullOrWhiteSpace(p.Name):
                refusal = "Name is required";
                break;
            case SipTrunkSecurityProfile p:
                cucm = cucm with { Profiles = cucm.Profiles.SetItem(p.Name, p) };
                break;
            case SipTrunk t when !cucm.Profiles.ContainsKey(t.SecurityProfile):
                refusal = $"SIP Trunk Security Profile '{t.SecurityProfile}' does not exist: add it first";
                break;
            case SipTrunk t when t.Destinations.IsDefaultOrEmpty:
                refusal = "A SIP trunk needs at least one destination address";
                break;
            case SipTrunk t:
                cucm = cucm with { Trunks = cucm.Trunks.SetItem(t.Name, t) };
                break;
            default:
                refusal = $"Unknown Cisco Unified CM Administration item {op.Item.GetType().Name}";
                break;
        }
        if (refusal is null) Persist(_state with { Cucm = cucm });
        _node.Record(_path, "cucm-configuration", ("item", op.Item.ToString() ?? ""), ("accepted", refusal is null ? "yes" : "no"));
        op.ReplyTo.Tell(new AdminReply(_node.NodeName, op.MenuPath, refusal is null,
            [refusal ?? "Add successful. Restart Cisco CallManager for the trunk's security settings to take effect."]));
    }
}
