using FocWorkflows.Server.Api;
using FocWorkflows.Server.Api.Guards;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Designer;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Observability;
using FocWorkflows.Server.Persistence;
using FocWorkflows.Server.UseCases;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddPersistence();
builder.Services.AddOptions<SeedOptions>().BindConfiguration("Seed");
builder.Services.AddWorkflowEngine();
builder.Services.AddDeliberation();
builder.Services.AddUseCases();
builder.Services.AddGraphIntegration();
builder.Services.AddApi(builder.Configuration);
builder.Services.AddDesignerHost();
builder.Services.AddObservability(builder.Configuration);

var app = builder.Build();

app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestBodyLimits();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();

app.MapApi();
app.MapDesigner();

app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
