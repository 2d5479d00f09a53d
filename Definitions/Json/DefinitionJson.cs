using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;
using Json.Schema;

namespace FocWorkflows.Definitions.Json;

/// <summary>
/// The native JSON form of a <see cref="WorkflowDefinition"/>, one workflow per file. Reading checks
/// the text against <c>definition.schema.json</c> first, so a bad file yields findings with paths
/// instead of a serializer exception.
/// </summary>
public static class DefinitionJson
{
    private const string SchemaResourceName = "definition.schema.json";
    private const char ByteOrderMark = '\uFEFF';

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        // Numbers for enums would tie stored files to declaration order.
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitComputedProperties } },
    };

    // Building a schema is far dearer than evaluating one; the schema never changes while we run.
    private static readonly Lazy<JsonSchema> Schema = new(LoadSchema);

    public static string Write(WorkflowDefinition definition) =>
        JsonSerializer.Serialize(definition, SerializerOptions);

    public static DefinitionReadResult Read(string json)
    {
        // Editors on Windows save with a BOM; it is not part of the JSON text.
        if (json.Length > 0 && json[0] == ByteOrderMark) json = json[1..];

        JsonElement root;
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(json);
        }
        catch (JsonException ex)
        {
            return Fail(Malformed(ex, json));
        }

        var schemaFindings = SchemaFindings(root);
        if (schemaFindings.Count > 0) return DefinitionReadResult.Failure(schemaFindings);

        try
        {
            var definition = root.Deserialize<WorkflowDefinition>(SerializerOptions);
            return definition is null
                ? Fail(new(FindingCodes.SchemaViolation, "A definition must be a JSON object.", FindingPath.Root))
                : DefinitionReadResult.Success(definition);
        }
        catch (JsonException ex)
        {
            // The schema should have caught this; if it did not, the schema and the model disagree.
            return Fail(new(FindingCodes.SchemaViolation, ex.Message, ex.Path ?? FindingPath.Root));
        }
    }

    private static DefinitionReadResult Fail(ValidationFinding finding) => DefinitionReadResult.Failure([finding]);

    private static ValidationFinding Malformed(JsonException ex, string json)
    {
        // The serializer appends "Path: ... | LineNumber: ..." to its message; we report those ourselves.
        var reason = ex.Message;
        var cut = reason.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0) cut = reason.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        if (cut > 0) reason = reason[..cut];

        var where = ex.LineNumber is { } line
            ? $" at line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}"
            : "";
        return new(FindingCodes.MalformedJson, $"The JSON is malformed{where}: {reason}", JsonSyntaxPath.Locate(json));
    }

    private static List<ValidationFinding> SchemaFindings(JsonElement root)
    {
        var results = Schema.Value.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];

        var findings = new List<ValidationFinding>();
        foreach (var node in (IEnumerable<EvaluationResults>)[results, .. results.Details ?? []])
        {
            if (node.IsValid || node.Errors is null) continue;
            var pointer = node.InstanceLocation.ToString();
            var path = FindingPath.FromPointer(pointer);
            var explained = Explain(node.EvaluationPath.ToString(), pointer);
            foreach (var (_, message) in node.Errors)
            {
                ValidationFinding finding = new(FindingCodes.SchemaViolation, explained ?? message, path);
                if (!findings.Contains(finding)) findings.Add(finding);
            }
        }

        // A failing "$ref" or "items" keyword can report no message of its own; say something anyway.
        if (findings.Count == 0)
            findings.Add(new(FindingCodes.SchemaViolation, "The definition does not match the definition schema.", FindingPath.Root));
        return findings;
    }

    // The library's wording for these two speaks of schemas; authors need to hear about their file.
    private static string? Explain(string evaluationPath, string instancePointer)
    {
        if (evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal))
        {
            var property = instancePointer[(instancePointer.LastIndexOf('/') + 1)..].Replace("~1", "/").Replace("~0", "~");
            return $"'{property}' is not a property the definition format knows.";
        }
        if (evaluationPath.EndsWith("/pattern", StringComparison.Ordinal))
            return "An id starts with a letter or digit and holds only letters, digits, '_', '.' and '-'.";
        return null;
    }

    private static JsonSchema LoadSchema()
    {
        using var stream = typeof(DefinitionJson).Assembly.GetManifestResourceStream(SchemaResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{SchemaResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        // A private registry: registering our $id globally would clash with anyone else who loads it.
        return JsonSchema.FromText(reader.ReadToEnd(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    // Get-only properties (ActivityNode.DisplayName) are derived; storing them would let the copy and
    // the source disagree, and they cannot be read back anyway.
    private static void OmitComputedProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object) return;
        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            if (typeInfo.Properties[i].Set is null) typeInfo.Properties.RemoveAt(i);
        }
    }
}
