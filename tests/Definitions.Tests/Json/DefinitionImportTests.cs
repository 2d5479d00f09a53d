using FocWorkflows.Definitions.Json;
using FocWorkflows.Definitions.Tests.Elsa;

namespace FocWorkflows.Definitions.Tests.Json;

public sealed class DefinitionImportTests
{
    [Fact]
    public void Read_NativeWithPositions_KeepsThem()
    {
        var sample = SampleDefinition.Create();

        var imported = DefinitionImport.Read(DefinitionJson.Write(sample));

        Assert.Equal("native", imported.Format);
        Assert.All(sample.Activities.Where(a => a.Position is not null), a => Assert.Equal(a.Position, imported.Definition!.FindNode(a.Id)!.Position));
    }

    [Fact]
    public void Read_NativeWithoutPositions_LaysItOut()
    {
        var sample = SampleDefinition.Create();
        var bare = sample with { Activities = [.. sample.Activities.Select(a => a with { Position = null })] };

        var imported = DefinitionImport.Read(DefinitionJson.Write(bare));

        Assert.True(imported.LaidOut);
        Assert.All(imported.Definition!.Activities, a => Assert.NotNull(a.Position));
    }

    [Fact]
    public void Read_ElsaSample_IsDetectedAndEveryNodeHasAPosition()
    {
        var imported = DefinitionImport.Read(ElsaSamples.Read(ElsaSamples.Fork));

        Assert.Equal("elsa", imported.Format);
        Assert.All(imported.Definition!.Activities, a => Assert.NotNull(a.Position));
    }

    [Fact]
    public void Read_NotJson_GivesFindingsAndNoDefinition()
    {
        var imported = DefinitionImport.Read("{ nope");

        Assert.Null(imported.Definition);
        Assert.NotEmpty(imported.Findings);
    }
}
