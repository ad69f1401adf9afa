using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Platform.Api.Authorization;

/// <summary>
/// Reads the provider's key set as the JWT handler has it (refreshed every <see cref="RefreshInterval"/>) once a minute,
/// and makes the api forget every validated token when the set of key ids changes: a token remembered under a withdrawn
/// key would otherwise still be accepted until its entry expired.
/// </summary>
internal sealed class KeySetWatch(IOptionsMonitor<JwtBearerOptions> jwt, ValidatedTokens tokens, TimeProvider time, ILogger<KeySetWatch> logger) : BackgroundService
{
    /// <summary>How often the handler fetches the key set again (its default is 12 hours).</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private string? _keyIds;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The provider unreachable: keep what is known, and its entries age out by themselves.
                logger.LogWarning("Could not read the identity provider's key set: {Reason}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Forgets every token when the key ids differ from the last ones seen.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var options = jwt.Get(JwtBearerDefaults.AuthenticationScheme);
        if (options.ConfigurationManager is not { } manager)
        {
            return;
        }
        var configuration = await manager.GetConfigurationAsync(cancellationToken);
        var keyIds = string.Join(",", configuration.SigningKeys.Select(k => k.KeyId).Order(StringComparer.Ordinal));
        if (_keyIds is not null && keyIds != _keyIds)
        {
            logger.LogInformation("The identity provider's key set changed: every remembered token is validated again");
            tokens.ForgetAll();
        }
        _keyIds = keyIds;
    }
}
