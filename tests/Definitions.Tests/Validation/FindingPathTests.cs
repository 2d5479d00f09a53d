using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Definitions.Tests.Validation;

public sealed class FindingPathTests
{
    [Theory]
    [InlineData("", "$")]
    [InlineData("/activities/2/id", "$.activities[2].id")]
    [InlineData("/activities/0/settings/due at", "$.activities[0].settings['due at']")]
    [InlineData("/activities/0/settings/a~1b", "$.activities[0].settings['a/b']")]
    public void FromPointer_JsonPointer_GivesFindingPath(string pointer, string expected)
    {
        // Act
        var path = FindingPath.FromPointer(pointer);

        // Assert
        Assert.Equal(expected, path);
    }
}
