namespace FocWorkflows.Server.Engine.Expressions;

// Mail bodies and rendered documents are HTML: values written there must be encoded, or a
// participant's comment could inject markup into everyone's mail. Subjects are plain text.
public enum TemplateEncoding
{
    Text,
    Html,
}
