using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Emulator;

/// <summary>Settings of one emulator instance; validated when it starts.</summary>
public sealed class EmulatorOptions
{
    public const string SectionName = "Emulator";

    /// <summary>TCP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>The key clients must send as <c>api-key</c> or <c>Authorization: Bearer</c>.</summary>
    [Required]
    [MinLength(1)]
    public string ApiKey { get; set; } = "emulator-key";

    /// <summary>Seed of the random used for jitter, fault rates and ids, so runs repeat. Null seeds from the clock.</summary>
    public int? Seed { get; set; }

    /// <summary>Behaviour of every deployment not given its own with <see cref="EmulatorServer.Configure"/>.</summary>
    [Required]
    public DeploymentBehavior Default { get; set; } = new();

    /// <summary>When true, deployments not configured answer 404 <c>DeploymentNotFound</c> like Azure. Default false.</summary>
    public bool RejectUnknownDeployments { get; set; }

    /// <summary>Clock for <c>created</c> and for delays; tests may pass a fake.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        Default.Validate();
    }
}
