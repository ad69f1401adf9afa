using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Orchestration;

/// <summary>
/// Stops, starts and restarts one resource of a running application (the dashboard's buttons). Each command
/// returns the resource's state once the command has taken effect, never an optimistic guess.
/// </summary>
public sealed class ResourceCommandService
{
    private readonly Orchestrator _orchestrator;
    private readonly DistributedApplicationModel _model;
    private readonly ResourceNotificationService _notifications;

    internal ResourceCommandService(Orchestrator orchestrator, DistributedApplicationModel model, ResourceNotificationService notifications) =>
        (_orchestrator, _model, _notifications) = (orchestrator, model, notifications);

    public async Task<ResourceSnapshot> ExecuteCommandAsync(string resourceName, string commandName, CancellationToken cancellationToken = default)
    {
        var resource = _model.Find(resourceName);
        switch (commandName)
        {
            case KnownResourceCommands.StopCommand:
                await _orchestrator.StopResourceAsync(resource);
                break;
            case KnownResourceCommands.StartCommand:
                await _orchestrator.StartResourceAsync(resource, cancellationToken);
                break;
            case KnownResourceCommands.RestartCommand:
                await _orchestrator.StopResourceAsync(resource);
                await _orchestrator.StartResourceAsync(resource, cancellationToken);
                break;
            default:
                throw new ArgumentException(
                    $"Unknown command '{commandName}'. Commands: {string.Join(", ", KnownResourceCommands.All)}.", nameof(commandName));
        }
        return _notifications.GetSnapshot(resource.Name);
    }
}
