using Platform.Deployment.Aws.Settings;

namespace Platform.Deployment.Aws.Tests.Plan;

/// <summary>A service's settings: its own over the defaults over the built-in ones, field by field.</summary>
[Trait("Tier", "Fast")]
public sealed class SettingsLayersTests
{
    [Fact]
    public void A_service_s_own_field_wins_over_the_defaults_which_win_over_the_built_in_ones()
    {
        var settings = new DeploymentSettings
        {
            Defaults = new() { Cpu = 512, MaxTasks = 4 },
            Services = new Dictionary<string, ServiceSettings> { ["api"] = new() { MaxTasks = 10 } },
        };

        var api = settings.For("api");

        Assert.Equal((512, 10, 512, 2), (api.Cpu, api.MaxTasks, api.MemoryMiB, api.MinTasks));
        Assert.Equal((512, 4), (settings.For("web").Cpu, settings.For("web").MaxTasks));
    }

    [Fact]
    public void A_single_writer_runs_one_task_unless_its_own_settings_say_otherwise()
    {
        var settings = new DeploymentSettings
        {
            Defaults = new() { MinTasks = 3 },
            Services = new Dictionary<string, ServiceSettings> { ["db"] = new() { MaxHealthyPercent = 150 } },
        };

        var seq = settings.For("seq", singleWriter: true);
        var db = settings.For("db", singleWriter: true);

        Assert.Equal((1, 1, 0, 100), (seq.MinTasks, seq.MaxTasks, seq.MinHealthyPercent, seq.MaxHealthyPercent));
        Assert.Equal(150, db.MaxHealthyPercent);
    }

    [Fact]
    public void Every_field_of_a_service_s_settings_is_layered()
    {
        var fields = typeof(ServiceSettings).GetProperties().Where(p => p.CanWrite).ToList();
        var top = new ServiceSettings();
        foreach (var field in fields)
        {
            field.SetValue(top, field.PropertyType == typeof(string) ? "set" : Convert.ChangeType(7, Nullable.GetUnderlyingType(field.PropertyType)!));
        }

        var merged = top.Over(ServiceSettings.Default);

        Assert.NotEmpty(fields);
        Assert.All(fields, f => Assert.Equal(f.GetValue(top), f.GetValue(merged)));
    }
}
