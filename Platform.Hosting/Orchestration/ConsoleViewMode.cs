namespace Platform.Hosting.Orchestration;

public enum ConsoleViewMode
{
    Auto,
    Live,
    Lines,
    None,
}
