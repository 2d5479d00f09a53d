using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Tests.Engine;

/// <summary>A bad engine setting stops the server at start, naming the key.</summary>
public sealed class EngineOptionsTests
{
    private static Exception StartFailure(string key, string value) =>
        StartupFailure.Of(() => new TestApp(settings: new Dictionary<string, string?> { [key] = value }));

    [Fact]
    public void Start_TimerClaimTimeoutOfZero_FailsNamingTheKey()
    {
        var error = StartFailure("Engine:TimerClaimTimeout", "00:00:00");

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException ?? throw error;
        Assert.Equal("Engine:TimerClaimTimeout must be above zero.", Assert.Single(validation.Failures));
    }

    [Fact]
    public void Start_TimerClaimTimeoutThatIsNoDuration_FailsNamingTheKey()
    {
        var error = StartFailure("Engine:TimerClaimTimeout", "two minutes");

        Assert.Contains("Engine:TimerClaimTimeout", error.ToString());
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("31.00:00:00")]
    public void Start_JournalCheckIntervalOutOfRange_FailsNamingTheKey(string value)
    {
        var error = StartFailure("Engine:JournalCheckInterval", value);

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException ?? throw error;
        Assert.Equal("Engine:JournalCheckInterval must be above zero and at most 30 days.", Assert.Single(validation.Failures));
    }

    [Theory]
    [InlineData("Engine:MaxBurstsPerCommit", "0", "Engine:MaxBurstsPerCommit must be above zero.")]
    [InlineData("Engine:TimersFiredAtOnce", "-1", "Engine:TimersFiredAtOnce must be above zero.")]
    public void Start_GroupCommitSettingBelowOne_FailsNamingTheKey(string key, string value, string message)
    {
        var error = StartFailure(key, value);

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException ?? throw error;
        Assert.Equal(message, Assert.Single(validation.Failures));
    }
}
