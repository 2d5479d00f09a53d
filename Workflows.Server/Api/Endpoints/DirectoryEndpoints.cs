using System.Globalization;
using System.Net.Mail;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FocWorkflows.Server.Api.Endpoints;

public sealed record PersonRequest(string? Email, string? Name, string? Organisation, string? Government, string? TimeZone, string? Language, List<string>? Roles);
public sealed record TaskForceRequest(string? Id, string? Name, string? Mandate, List<string>? LeadGovernments, List<string>? AdvisoryCoLeads,
    List<string>? MemberGovernments, List<string>? Advisors, DateOnly? EndDate);

/// <summary>The directory: people and task forces. Everyone reads it; the secretariat keeps it.</summary>
public static class DirectoryEndpoints
{
    public static void MapDirectory(this IEndpointRouteBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("Directory");
        people.MapGet("/", ListPeople);
        people.MapPost("/", SavePerson).RequireAuthorization(Policies.EditDirectory).ProducesProblems(400, 403)
            .WithSummary("Adds a person, or updates the one with this e-mail.");
        var taskForces = api.MapGroup("/task-forces").WithTags("Directory");
        taskForces.MapGet("/", ListTaskForces);
        taskForces.MapGet("/{id}", GetTaskForce).ProducesProblems(404);
        taskForces.MapPost("/", SaveTaskForce).RequireAuthorization(Policies.EditDirectory).ProducesProblems(400, 403)
            .WithSummary("Adds a task force, or updates the one with this id.");
    }

    private static async Task<Ok<List<Person>>> ListPeople(IDirectory directory, CancellationToken ct, string? role = null, string? government = null)
    {
        var all = await directory.PeopleAsync(ct);
        return TypedResults.Ok(all.Where(p => (role is null || p.HasRole(role)) && (government is null || p.Government == government)).ToList());
    }

    private static async Task<Ok<Person>> SavePerson(PersonRequest request, DirectoryStore store, IdGenerator ids, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var email = request.Email?.Trim().ToLowerInvariant();
        if (email is null || email.Length > 320 || !MailAddress.TryCreate(email, out _)) errors["email"] = ["must be an e-mail address."];
        if (string.IsNullOrWhiteSpace(request.Name)) errors["name"] = ["is required."];
        Limits.Check(errors, "name", request.Name, Limits.Line);
        Limits.Check(errors, "organisation", request.Organisation, Limits.Line);
        if (request.TimeZone is { } zone && !TimeZones.IsKnown(zone)) errors["timeZone"] = [$"'{zone}' is not an IANA time zone (e.g. Europe/Paris)."];
        if (request.Language is { } language && !IsLanguage(language)) errors["language"] = [$"'{language}' is not a language tag (e.g. fr)."];
        if (request.Roles?.FirstOrDefault(r => !Roles.All.Contains(r)) is { } role) errors["roles"] = [$"'{role}' is not one of {string.Join(", ", Roles.All)}."];
        if (request.Government is { } code && !(await store.GovernmentCodesAsync(ct)).Contains(code)) errors["government"] = [$"'{code}' is not a member government."];
        if (errors.Count > 0) throw WorkflowProblem.Invalid("The person is not valid", errors);

        return TypedResults.Ok(await store.SavePersonAsync(email!,
            () => new Person { Id = email!.Split('@')[0] + "-" + ids.NewId()[^6..], Email = email!, Name = request.Name! },
            person =>
            {
                person.Name = request.Name!.Trim();
                person.Organisation = request.Organisation;
                person.Government = request.Government;
                person.TimeZone = request.TimeZone ?? person.TimeZone;
                person.Language = request.Language ?? person.Language;
                person.Roles = request.Roles ?? person.Roles;
            }, ct));
    }

    private static async Task<Ok<List<TaskForce>>> ListTaskForces(IDirectory directory, CancellationToken ct) =>
        TypedResults.Ok((await directory.TaskForcesAsync(ct)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList());

    private static async Task<Ok<TaskForce>> GetTaskForce(string id, IDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await directory.FindTaskForceAsync(id, ct) ?? throw WorkflowProblem.NotFound("Task force", id));

    private static async Task<Ok<TaskForce>> SaveTaskForce(TaskForceRequest request, DirectoryStore store, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        // The stored id column holds 100 characters; \z, not $, which also matches before a final line break.
        if (request.Id is null || !System.Text.RegularExpressions.Regex.IsMatch(request.Id, @"^[a-z0-9][a-z0-9-]{0,99}\z"))
            errors["id"] = ["must be kebab-case, at most 100 characters, e.g. digital-equality."];
        if (string.IsNullOrWhiteSpace(request.Name)) errors["name"] = ["is required."];
        Limits.Check(errors, "name", request.Name, Limits.Line);
        Limits.Check(errors, "mandate", request.Mandate, Limits.Text);
        foreach (var (field, list) in new[] { ("advisoryCoLeads", request.AdvisoryCoLeads), ("advisors", request.Advisors) })
            if (list is { Count: > Limits.ListItems } || list?.Any(e => e is null || e.Length > 320) == true) errors[field] = [$"must be at most {Limits.ListItems} e-mail addresses."];
        var governments = await store.GovernmentCodesAsync(ct);
        foreach (var (field, codes) in new[] { ("leadGovernments", request.LeadGovernments), ("memberGovernments", request.MemberGovernments) })
            if (codes?.FirstOrDefault(c => !governments.Contains(c)) is { } unknown) errors[field] = [$"'{unknown}' is not a member government."];
        if (errors.Count > 0) throw WorkflowProblem.Invalid("The task force is not valid", errors);

        return TypedResults.Ok(await store.SaveTaskForceAsync(request.Id!, () => new TaskForce { Id = request.Id!, Name = request.Name! }, taskForce =>
        {
            taskForce.Name = request.Name!.Trim();
            taskForce.Mandate = request.Mandate ?? taskForce.Mandate;
            taskForce.LeadGovernments = request.LeadGovernments ?? taskForce.LeadGovernments;
            taskForce.MemberGovernments = [.. (request.MemberGovernments ?? taskForce.MemberGovernments).Union(taskForce.LeadGovernments)];
            taskForce.AdvisoryCoLeads = request.AdvisoryCoLeads ?? taskForce.AdvisoryCoLeads;
            taskForce.Advisors = request.Advisors ?? taskForce.Advisors;
            taskForce.EndDate = request.EndDate ?? taskForce.EndDate;
        }, ct));
    }

    private static bool IsLanguage(string tag)
    {
        try { return !string.IsNullOrWhiteSpace(tag) && !CultureInfo.GetCultureInfo(tag, predefinedOnly: true).Equals(CultureInfo.InvariantCulture); }
        catch (CultureNotFoundException) { return false; }
    }
}
