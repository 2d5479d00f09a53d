namespace FocWorkflows.Definitions.Catalog;

/// <summary>
/// Stable type ids of the control activities. Stored definitions and instances refer to these
/// strings, and the Elsa mapping translates to and from them, so they never change.
/// </summary>
public static class ControlActivityTypes
{
    public const string Start = "control.start";
    public const string End = "control.end";
    public const string Decision = "control.decision";
    public const string Switch = "control.switch";
    public const string Fork = "control.fork";
    public const string Join = "control.join";
    public const string Delay = "control.delay";
    public const string SetVariable = "control.set-variable";
    public const string Log = "control.log";
    public const string WaitForEvent = "control.wait-for-event";
    public const string HumanTask = "control.human-task";
}

/// <summary>Outcome names shared by many activities (the same words Elsa uses).</summary>
public static class Outcomes
{
    public const string Done = "Done";
    public const string True = "True";
    public const string False = "False";
    public const string Default = "Default";
}
