namespace ImpClusterSim.Node.Skeleton;

/// <summary>The skeleton services of a node, by role: traffic for the kernel until the real services take over.</summary>
public static class SkeletonServices
{
    public static IReadOnlyList<ServiceSpec> For(SkeletonRole role)
    {
        var services = new List<ServiceSpec>
        {
            new(TomcatSkeleton.ServiceName, n => TomcatSkeleton.Props(n, role)),
            new(ReplicationSkeleton.ServiceName, n => ReplicationSkeleton.Props(n, role)),
            new(PresenceSkeleton.ServiceName, n => PresenceSkeleton.Props(n, role)),
        };
        if (role.IsPublisher && role.PeerPublishers.Count > 0)
            services.Add(new(InterclusterSyncSkeleton.ServiceName, n => InterclusterSyncSkeleton.Props(n, role)));
        return services;
    }
}
