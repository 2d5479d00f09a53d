using System.Text;

namespace FocWorkflows.Server.Tests.Infrastructure;

/// <summary>A strict RFC 4180 reader, so tests of the CSV exports do not trust the writer they check.</summary>
public static class Rfc4180
{
    public static List<string[]> Records(string csv)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var ch = csv[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                fields.Add(field.ToString()); field.Clear(); records.Add([.. fields]); fields.Clear(); i++;
            }
            else field.Append(ch);
        }
        return records;
    }
}
