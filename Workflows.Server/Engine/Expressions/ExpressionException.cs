namespace FocWorkflows.Server.Engine.Expressions;

// The one exception callers of ScriptEvaluator and TemplateRenderer catch: syntax errors, runtime
// errors and exceeded limits all arrive as this, so a faulting activity can report the message as is.
public sealed class ExpressionException(string message, Exception? innerException = null)
    : Exception(message, innerException);
