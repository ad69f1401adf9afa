using System.Text.Json.Nodes;

namespace Platform.Hosting.Manifest;

/// <summary>One entry of an Aspire manifest. <see cref="Json"/> keeps the entry as written, for extensions.</summary>
public abstract record ManifestResource(string Name, string Type)
{
    public JsonObject Json { get; init; } = [];

    /// <summary>The connection string template, for resources that have one.</summary>
    public virtual string? ConnectionString => null;
}

public sealed record ManifestBinding(string Scheme, string Protocol, string Transport, int? Port, int? TargetPort, bool External);

/// <summary>Something that runs: a project, a container, a Dockerfile build or an executable.</summary>
public abstract record ManifestWorkload(string Name, string Type) : ManifestResource(Name, Type)
{
    public IReadOnlyList<string> Args { get; init; } = [];
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, ManifestBinding> Bindings { get; init; } = new Dictionary<string, ManifestBinding>();
}

/// <summary><c>project.v0</c>, <c>project.v1</c>, and <c>platform.project.run-once.v0</c> (see README).</summary>
public sealed record ManifestProject(string Name, string Type, string Path) : ManifestWorkload(Name, Type)
{
    /// <summary>For a run-once project: the resources that start only after it has exited with code 0.</summary>
    public IReadOnlyList<string> CompletesBefore { get; init; } = [];

    public bool IsRunOnce => Type == ManifestTypes.RunOnceProject;
}

/// <summary><c>container.v0</c> and <c>container.v1</c>.</summary>
public sealed record ManifestContainer(string Name, string Type, string? Image) : ManifestWorkload(Name, Type)
{
    public string? Entrypoint { get; init; }
    public string? Build { get; init; }
    public IReadOnlyList<ManifestVolume> Volumes { get; init; } = [];
    public string? ConnectionStringTemplate { get; init; }
    public override string? ConnectionString => ConnectionStringTemplate;
}

public sealed record ManifestVolume(string? Name, string? Source, string Target, bool ReadOnly);

/// <summary><c>dockerfile.v0</c>.</summary>
public sealed record ManifestDockerfile(string Name, string Path, string Context) : ManifestWorkload(Name, ManifestTypes.Dockerfile);

/// <summary><c>executable.v0</c>.</summary>
public sealed record ManifestExecutable(string Name, string Command, string WorkingDirectory) : ManifestWorkload(Name, ManifestTypes.Executable);

/// <summary><c>value.v0</c>: a connection string built from other values.</summary>
public sealed record ManifestValue(string Name, string Template) : ManifestResource(Name, ManifestTypes.Value)
{
    public override string? ConnectionString => Template;
}

/// <summary><c>parameter.v0</c>: an input of the deployment.</summary>
public sealed record ManifestParameter(string Name, string Value, IReadOnlyDictionary<string, ManifestParameterInput> Inputs)
    : ManifestResource(Name, ManifestTypes.Parameter)
{
    public string? ConnectionStringTemplate { get; init; }
    public override string? ConnectionString => ConnectionStringTemplate;
}

/// <summary>An input; <see cref="Generate"/> says how to generate a value when none is given.</summary>
public sealed record ManifestParameterInput(string Type, bool Secret, ManifestGenerate? Generate, string? DefaultValue);

public sealed record ManifestGenerate(int MinLength, bool Lower, bool Upper, bool Numeric, bool Special, int MinLower, int MinUpper, int MinNumeric, int MinSpecial);

/// <summary><c>annotated.string</c>: another value passed through a filter (<c>uri</c>: URI-encoded).</summary>
public sealed record ManifestAnnotatedString(string Name, string Value, string Filter) : ManifestResource(Name, ManifestTypes.AnnotatedString);

/// <summary><c>aws.cloudformation.template.v0</c> and <c>aws.cloudformation.stack.v0</c>: values come from the stack's outputs.</summary>
public sealed record ManifestCloudFormation(string Name, string Type, string StackName, string? TemplatePath) : ManifestResource(Name, Type)
{
    public IReadOnlyList<string> References { get; init; } = [];
}

/// <summary><c>azure.bicep.v0</c> and <c>azure.bicep.v1</c>: values come from the deployment's outputs.</summary>
public sealed record ManifestBicep(string Name, string Type, string? Path) : ManifestResource(Name, Type)
{
    public string? ConnectionStringTemplate { get; init; }
    public override string? ConnectionString => ConnectionStringTemplate;
}

/// <summary>A type this reader does not know (an extension, or dapr): kept as written.</summary>
public sealed record ManifestExtension(string Name, string Type) : ManifestResource(Name, Type)
{
    public override string? ConnectionString => Json["connectionString"]?.GetValue<string>();
}

/// <summary>An entry the publisher could not write: <c>{"error": "..."}</c>.</summary>
public sealed record ManifestError(string Name, string Error) : ManifestResource(Name, "error");

public static class ManifestTypes
{
    public const string Project = "project.v0";
    public const string ProjectV1 = "project.v1";
    public const string RunOnceProject = "platform.project.run-once.v0";
    public const string Container = "container.v0";
    public const string ContainerV1 = "container.v1";
    public const string Dockerfile = "dockerfile.v0";
    public const string Executable = "executable.v0";
    public const string Value = "value.v0";
    public const string Parameter = "parameter.v0";
    public const string AnnotatedString = "annotated.string";
    public const string CloudFormationTemplate = "aws.cloudformation.template.v0";
    public const string CloudFormationStack = "aws.cloudformation.stack.v0";
    public const string Bicep = "azure.bicep.v0";
    public const string BicepV1 = "azure.bicep.v1";
}
