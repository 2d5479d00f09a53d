using Bunit;
using FocWorkflows.Designer.Pages.Consultations;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Designer.Tests.Pages.Instances;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Designer.Tests.Pages.Consultations;

/// <summary>The consultation's window on its comment-resolution page, and the secretariat deciding for a pen-holder.</summary>
public sealed class DispositionsSteeringTests : BunitContext
{
    private static readonly DateTimeOffset ClosesAt = StoppedClock.Epoch.AddDays(10);
    private readonly FakeDispositionsPort _port = new();

    public DispositionsSteeringTests()
    {
        this.UseInstances("co-chair");
        Services.AddSingleton<IDispositionsPort>(_port);
    }

    private IRenderedComponent<DispositionsPage> Open(ConsultationWindowView window, IReadOnlyList<OnBehalfOption>? penHolders = null)
    {
        _port.Matrix = new DispositionsView("c-1", "Statement on AI", penHolders is not null,
            [new(1, "k-1", "Priya Raman", "Tech Lab", 2, 3, null, "Say who audits.", null, null, null)], window, penHolders);
        return Render<DispositionsPage>(p => p.Add(x => x.Id, "c-1"));
    }

    private static ConsultationWindowView OpenWindow(bool maySteer = true) => new(ClosesAt, true, null, null, maySteer);

    [Fact]
    public void Window_Open_ShowsTheDeadlineAndForASteererTheExtendAndCloseForms()
    {
        var page = Open(OpenWindow());

        Assert.Equal("closes in 1 week", page.Find(".window .due-human").TextContent);
        Assert.Equal("Mon 7 Dec 2026, 11:00 (Europe/Tallinn, UTC+02:00)", page.Find(".window .due-exact").TextContent);
        Assert.NotNull(page.Find("form.extend-form"));
        Assert.NotNull(page.Find("form.close-form"));
    }

    [Fact]
    public void Window_ForSomeoneWhoMayNotSteer_HasNoForms()
    {
        var page = Open(OpenWindow(maySteer: false));

        Assert.Empty(page.FindAll("form.extend-form"));
        Assert.Empty(page.FindAll("form.close-form"));
    }

    [Fact]
    public void Window_Closed_SaysWhenAndWhyAndHasNoForms()
    {
        var page = Open(new ConsultationWindowView(ClosesAt, false, StoppedClock.Epoch.AddDays(-1), "Enough comments.", true));

        Assert.Equal("Closed on Thu 26 Nov 2026, 11:00 (Europe/Tallinn, UTC+02:00): Enough comments.", page.Find(".window .window-deadline").TextContent);
        Assert.Empty(page.FindAll("form.close-form"));
    }

    [Fact]
    public void Close_WithoutAReason_IsNotSentAndTheErrorIsNextToTheField()
    {
        var page = Open(OpenWindow());

        page.Find("form.close-form").Submit();

        Assert.Empty(_port.Closes);
        Assert.Contains("journaled", page.Find("#close-reason-error").TextContent);
        Assert.Equal("true", page.Find("#close-reason").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void Close_WithAReason_IsSentAndTheWindowShownAgain()
    {
        var page = Open(OpenWindow());

        page.Find("#close-reason").Change("The task force has enough input.");
        page.Find("form.close-form").Submit();

        Assert.Equal("The task force has enough input.", Assert.Single(_port.Closes));
        Assert.EndsWith("/consultations/c-1/dispositions?steered=closed", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void Extend_EarlierThanTheCurrentClose_IsNotSent()
    {
        var page = Open(OpenWindow());

        page.Find("#extend-until").Change("2026-12-05T09:00");
        page.Find("#extend-reason").Change("Holidays.");
        page.Find("form.extend-form").Submit();

        Assert.Empty(_port.Extensions);
        Assert.Contains("later than the current one", page.Find("#extend-until-error").TextContent);
    }

    [Fact]
    public void OnBehalf_SecretariatDecidesInItsOwnName_OrForThePenHolderItChooses()
    {
        var page = Open(OpenWindow(), [new("diplomat.nl@foc.example", "Sanne de Vries (diplomat.nl@foc.example)", Pending: true)]);
        Assert.Equal("The secretariat, in its own name", page.Find("#on-behalf-k-1 option[value='']").TextContent);

        page.Find("#decision-k-1").Change("accepted");
        page.Find("form.dispose").Submit();
        Assert.Equal(("k-1", new DispositionChoice("accepted", null, null)), _port.Sent[0]);

        page.Find("#on-behalf-k-1").Change("diplomat.nl@foc.example");
        page.Find("form.dispose").Submit();
        Assert.Equal(("k-1", new DispositionChoice("accepted", null, "diplomat.nl@foc.example")), _port.Sent[1]);
    }
}
