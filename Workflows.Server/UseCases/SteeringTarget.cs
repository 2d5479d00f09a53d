namespace FocWorkflows.Server.UseCases;

/// <summary>What a deadline belongs to: a consultation's comment window or an approval round.</summary>
public enum SteeringTarget { Consultation, ApprovalRound }
