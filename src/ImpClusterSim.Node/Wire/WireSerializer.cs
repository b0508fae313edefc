using Akka.Actor;
using Akka.Serialization;

namespace ImpClusterSim.Node.Wire;

/// <summary>
/// Akka's serializer for node messages: the manifest is the codec's <c>name.vN</c>, the bytes its explicit fields.
/// Subclasses choose the registry (node codecs only here; live mode adds its control messages). Bound to each
/// registered type by <see cref="WireHocon.Bindings"/>.
/// </summary>
public abstract class WireSerializer(ExtendedActorSystem system, CodecRegistry registry) : SerializerWithStringManifest(system)
{
    public CodecRegistry Registry { get; } = registry;

    public override byte[] ToBinary(object obj) => Registry.ToBytes(obj);

    public override object FromBinary(byte[] bytes, string manifest) => Registry.FromBytes(bytes, manifest);

    public override string Manifest(object o) => Registry.ManifestOf(o.GetType());
}

/// <summary>The serializer of the node codecs (<see cref="NodeCodecs"/>), for sim tests with <c>serialize-messages = on</c>.</summary>
public sealed class NodeWireSerializer(ExtendedActorSystem system) : WireSerializer(system, NodeCodecs.Registry)
{
    public const int SerializerId = 4151;

    public override int Identifier => SerializerId;
}

/// <summary>HOCON that binds a <see cref="WireSerializer"/> to every type of a registry.</summary>
public static class WireHocon
{
    /// <summary>
    /// <c>akka.actor.serializers</c> and <c>serialization-bindings</c> entries naming <paramref name="serializer"/>
    /// (registered as <paramref name="name"/>, <c>impsim-wire</c> unless a second serializer sits beside it) for each
    /// codec's type, and its identifier.
    /// </summary>
    public static string Bindings(Type serializer, int identifier, CodecRegistry registry, string name = "impsim-wire")
    {
        var bindings = string.Join("\n", registry.Codecs
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => $"      \"{c.Type.FullName}, {c.Type.Assembly.GetName().Name}\" = {name}"));
        return $$"""
            akka.actor {
              serializers { {{name}} = "{{serializer.FullName}}, {{serializer.Assembly.GetName().Name}}" }
              serialization-bindings {
            {{bindings}}
              }
              serialization-identifiers { "{{serializer.FullName}}, {{serializer.Assembly.GetName().Name}}" = {{identifier}} }
            }
            """;
    }
}
