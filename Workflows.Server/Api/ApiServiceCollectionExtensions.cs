using System.Text.Json;
using System.Text.Json.Serialization;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Api.Endpoints;
using FocWorkflows.Server.Api.Guards;
using FocWorkflows.Server.Integrations.Graph;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace FocWorkflows.Server.Api;

public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthenticationModeOptions>().BindConfiguration(AuthenticationModeOptions.SectionName)
            .Validate(o => o.IsKnown, "Authentication:Mode must be 'Development' or 'EntraId'.")
            .ValidateOnStart();
        var mode = AuthenticationModeOptions.From(configuration);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddProblemDetails();
        // Binding failures (malformed JSON, "pageSize=lots") must reach ProblemMapping for a stable
        // problem type; by default minimal APIs answer them with a bare 400 outside Development.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemMapping>();
        var authentication = services.AddAuthentication(SessionAuthentication.DefaultScheme);
        // Only the mode's own schemes exist: in Entra ID mode nothing reads the development header.
        if (mode.IsEntraId) authentication.AddEntraIdSchemes();
        else authentication.AddScheme<AuthenticationSchemeOptions, DevelopmentAuthenticationHandler>(DevelopmentAuthenticationHandler.SchemeName, null);
        authentication
            // Everywhere: the development header or a bearer token, else the Designer's session cookie. An advisor's
            // token is not accepted here, so a token-only caller gets 401 on every endpoint but the few below.
            .AddFocSchemes(mode)
            // The few endpoints an advisor reaches from their link: a token picks the link's scheme, else as above.
            // One forwarding scheme (not two schemes on the policy) so a refusal is answered by exactly one challenge.
            .AddPolicyScheme(Policies.LinkOrAccountScheme, "Advisor link or account", o => o.ForwardDefaultSelector = http =>
                AdvisorLinkAuthenticationHandler.TokenOf(http.Request) is not null
                    ? AdvisorLinkAuthenticationHandler.SchemeName
                    : SessionAuthentication.DefaultScheme);
        services.AddAuthorizationBuilder().AddFocPolicies();
        services.AddFocRateLimits();
        // Kestrel's own limit, for bodies the request limits do not buffer (page forms); the same as theirs.
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = Limits.RequestBodyBytes);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, PageRefusals>();
        services.AddOpenApi();
        return services;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        var mode = app.Services.GetRequiredService<IOptions<AuthenticationModeOptions>>().Value;
        if (mode.IsEntraId)
        {
            var entra = app.Services.GetRequiredService<IOptions<EntraIdOptions>>().Value;
            app.Logger.LogInformation("Entra ID authentication is on: people sign in through {Authority} (client {ClientId}); the API takes its bearer tokens.",
                entra.EffectiveAuthority, entra.ClientId);
        }
        else if (mode.IsDevelopmentSignInOutsideDevelopment(app.Environment))
        {
            app.Logger.LogWarning("DEVELOPMENT SIGN-IN IS ON OUTSIDE THE DEVELOPMENT ENVIRONMENT ({Environment}), allowed by {Key}: anyone who reaches this server can act as anyone, the secretariat included. Set Authentication:Mode=EntraId before real use.",
                app.Environment.EnvironmentName, DevelopmentSignInGuard.AllowKey);
        }
        else
        {
            app.Logger.LogWarning("Development authentication is on: API callers are trusted by the {Header} header. Never expose this server.",
                DevelopmentAuthenticationHandler.Header);
        }
        var api = app.MapGroup("/api").RequireAuthorization().AddEndpointFilter(Identifiers.CheckRouteValues).ProducesGuardProblems();
        api.MapActivities();
        api.MapDefinitions();
        api.MapInstances();
        api.MapTasks();
        api.MapEvents();
        api.MapJournal();
        api.MapDirectory();
        api.MapConsultations();
        api.MapDispositions();
        api.MapAdvisorLinks();
        api.MapApprovals();
        api.MapDrafts();
        api.MapPublications();
        api.MapWordDownloads();
        api.MapWordUploads();
        api.MapOutbox();

        app.MapSessionEndpoints(mode);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi();
        // Its default fonts come from Scalar's CDN, which the security policy (and the readers' privacy) refuse.
        app.MapScalarApiReference("/api-docs", o => o.DisableDefaultFonts());
        return app;
    }
}
