using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FocWorkflows.Server.Deliberation;

/// <summary>
/// A text named in the journal by reference rather than copied into it: the text is kept with its own record
/// (a draft version, a comment, a translation) and the journal holds its SHA-256, so the hash chain stays small
/// and still proves, later, that the text was not changed.
/// </summary>
public static class TextReference
{
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A copy of <paramref name="payload"/> whose text in <paramref name="field"/> is replaced by its SHA-256 (<c>{field}Sha256</c>).</summary>
    public static JsonNode? WithoutText(JsonNode? payload, string field)
    {
        if (payload?.DeepClone() is not JsonObject copy) return payload?.DeepClone();
        if (copy[field] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            copy.Remove(field);
            copy[$"{field}Sha256"] = Sha256(text);
        }
        return copy;
    }
}
