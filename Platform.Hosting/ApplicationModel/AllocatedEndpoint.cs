namespace Platform.Hosting.ApplicationModel;

public sealed record AllocatedEndpoint(string Scheme, string Host, int Port)
{
    public string Url => $"{Scheme}://{Host}:{Port}";
}
