using Microsoft.AspNetCore.Mvc;

namespace FocWorkflows.Server.Api.Auth;

/// <summary>The 401 and 403 problems every scheme answers the API with, so a client sees one shape whoever refused it.</summary>
internal static class AuthProblems
{
    public const string ForbiddenDetail = "Your roles do not allow this action.";

    public static Task WriteAsync(HttpResponse response, int status, string detail)
    {
        response.StatusCode = status;
        return response.WriteAsJsonAsync(new ProblemDetails
        {
            Status = status,
            Title = status == StatusCodes.Status401Unauthorized ? "Not signed in" : "Not allowed",
            Type = "https://focworkflows.dev/problems/" + (status == StatusCodes.Status401Unauthorized ? "unauthenticated" : "forbidden"),
            Detail = detail,
        }, options: null, contentType: "application/problem+json");
    }
}
