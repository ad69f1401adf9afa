namespace Platform.Hosting.ApplicationModel;

public sealed record ReplicaAnnotation(int Replicas) : IResourceAnnotation;
