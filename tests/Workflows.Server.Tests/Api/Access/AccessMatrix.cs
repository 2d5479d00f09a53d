using static FocWorkflows.Server.Tests.Api.Access.Outcome;

namespace FocWorkflows.Server.Tests.Api.Access;

/// <summary>What a caller gets: the class of the answer, not its details.</summary>
public enum Outcome
{
    /// <summary>2xx, or a form's redirect anywhere but to sign in.</summary>
    Ok,

    /// <summary>Sign in first: 401 (the API, or an advisor's page without a valid link), or a page's redirect to <c>/signin</c>.</summary>
    SignIn,

    /// <summary>403: not allowed (a page shows "Not allowed").</summary>
    No,

    /// <summary>404: the one place a refusal would tell too much, an embargoed publication, and what does not exist.</summary>
    Nf,

    /// <summary>400 for everyone: no gate of its own; what it is handed (a circuit id) is its credential.</summary>
    Bad,
}

/// <summary>
/// The access policy, route by route: one row per route the app maps (its methods and pattern as the route table spells
/// them; a page's row covers its GET and the forms it posts back to itself), one column per kind of caller. The callers,
/// around the AI and human rights task force of the sample directory (members CH NL CA EE DE FR JP GH; CH and NL lead):
/// <code>
///   anon    nobody signed in
///   link    Tomás Ortega (advisor.uni) with his link to a statement's Advisory Network consultation
///   advIn   Tomás Ortega signed in: in that consultation's audience, not of the task force
///   advOut  Amara Diallo (advisor.press) signed in: an advisor of another task force
///   dipOut  Wanjiru Kamau (diplomat.ke): Kenya is not in the task force; every member government is asked in a silence procedure
///   dipIn   Emily Chen (diplomat.ca): Canada is a member of the task force, not a lead
///   pen     Sanne de Vries (diplomat.nl): the Netherlands lead the task force; she holds the pen
///   chair   Liis Tamm, the chair (Estonia)
///   secr    Sam Okafor, the secretariat
/// </code>
/// </summary>
public static class AccessMatrix
{
    /// <summary>The row of every file <c>MapStaticAssets</c> serves (one endpoint per file and encoding).</summary>
    public const string StaticAssets = "GET,HEAD static assets";

    public sealed record Row(IReadOnlyList<Outcome> Expected, string Rule)
    {
        public Outcome For(Caller caller) => Expected[(int)caller];
    }

    private static Row R(Outcome anon, Outcome link, Outcome advIn, Outcome advOut, Outcome dipOut, Outcome dipIn, Outcome pen, Outcome chair,
        Outcome secr, string rule) => new([anon, link, advIn, advOut, dipOut, dipIn, pen, chair, secr], rule);

    public static readonly IReadOnlyDictionary<string, Row> Rows = new Dictionary<string, Row>
    {
        //                                                                        anon    link    advIn   advOut  dipOut  dipIn   pen     chair   secr
        // The catalog and the definitions: anyone signed in reads them; the secretariat writes them.
        ["GET /api/activities"] =                                               R(SignIn, SignIn, Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone signed in"),
        ["GET /api/definitions"] =                                              R(SignIn, SignIn, Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone signed in"),
        ["GET /api/definitions/{id}"] =                                         R(SignIn, SignIn, Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone signed in"),
        ["GET /api/definitions/{id}/versions"] =                                R(SignIn, SignIn, Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone signed in"),
        ["GET /api/definitions/{id}/versions/{version:int}"] =                  R(SignIn, SignIn, Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone signed in"),
        ["GET /api/definitions/{id}/export"] =                                  R(SignIn, SignIn, Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone signed in"),
        ["POST /api/definitions/validate"] =                                    R(SignIn, SignIn, Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone signed in: it stores nothing"),
        ["PUT /api/definitions/{id}"] =                                         R(SignIn, SignIn, No,     No,     No,     No,     No,     No,     Ok,     "the secretariat"),
        ["POST /api/definitions/{id}/publish"] =                                R(SignIn, SignIn, No,     No,     No,     No,     No,     No,     Ok,     "the secretariat"),
        ["POST /api/definitions/import"] =                                      R(SignIn, SignIn, No,     No,     No,     No,     No,     No,     Ok,     "the secretariat"),

        // An instance's internals (input, variables, outputs, journal, drafts): its task force, chairs, the secretariat.
        ["POST /api/instances"] =                                               R(SignIn, SignIn, No,     No,     No,     No,     No,     Ok,     Ok,     "chairs, co-chairs, the secretariat launch"),
        ["GET /api/instances"] =                                                R(SignIn, SignIn, Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone signed in, listing only what they may see"),
        ["GET /api/instances/{id}"] =                                           R(SignIn, SignIn, No,     No,     No,     Ok,     Ok,     Ok,     Ok,     "its internals"),
        ["GET /api/instances/{id}/journal"] =                                   R(SignIn, SignIn, No,     No,     No,     Ok,     Ok,     Ok,     Ok,     "its internals"),
        ["GET /api/instances/{id}/journal/verify"] =                            R(SignIn, SignIn, No,     No,     No,     Ok,     Ok,     Ok,     Ok,     "its internals"),
        ["GET /api/journal/verify"] =                                           R(SignIn, SignIn, No,     No,     No,     No,     No,     No,     Ok,     "the secretariat: every instance's journal"),
        ["POST /api/instances/{id}/cancel"] =                                   R(SignIn, SignIn, No,     No,     No,     No,     No,     Ok,     Ok,     "chairs, co-chairs, the secretariat operate"),
        ["POST /api/instances/{id}/retry"] =                                    R(SignIn, SignIn, No,     No,     No,     No,     No,     Ok,     Ok,     "chairs, co-chairs, the secretariat operate"),
        ["GET /api/instances/{id}/drafts"] =                                    R(SignIn, SignIn, No,     No,     No,     Ok,     Ok,     Ok,     Ok,     "its internals"),
        ["GET /api/instances/{id}/drafts/{number:int}"] =                       R(SignIn, SignIn, Ok,     No,     No,     Ok,     Ok,     Ok,     Ok,     "its internals, and the audience consulted on that version"),
        ["GET /api/instances/{id}/drafts/{number:int}.docx"] =                  R(SignIn, SignIn, Ok,     No,     No,     Ok,     Ok,     Ok,     Ok,     "as the version itself"),
        ["GET /api/instances/{id}/drafts/{from:int}/diff/{to:int}"] =           R(SignIn, SignIn, No,     No,     No,     Ok,     Ok,     Ok,     Ok,     "whoever may read both versions"),
        ["GET /api/instances/{id}/drafts/{from:int}/diff/{to:int}.docx"] =      R(SignIn, SignIn, No,     No,     No,     Ok,     Ok,     Ok,     Ok,     "as the redline itself"),
        ["POST /api/instances/{id}/drafts"] =                                   R(SignIn, SignIn, No,     No,     No,     No,     Ok,     No,     No,     "the pen-holders (the secretariat on their behalf)"),
        ["POST /api/instances/{id}/drafts/docx"] =                              R(SignIn, SignIn, No,     No,     No,     No,     Ok,     No,     No,     "the pen-holders (the secretariat on their behalf)"),

        // Tasks: the inbox is one's own; a task is for its assignees and whoever sees the instance's internals.
        ["GET /api/tasks"] =                                                    R(SignIn, SignIn, Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone signed in: their own inbox"),
        ["GET /api/tasks/{id}"] =                                               R(SignIn, SignIn, Ok,     No,     No,     Ok,     Ok,     Ok,     Ok,     "its assignees (the consultation's audience) and the internals"),
        ["POST /api/tasks/{id}/complete"] =                                     R(SignIn, SignIn, No,     No,     No,     Ok,     No,     No,     No,     "its assignee (here Canada's diplomat)"),
        ["POST /api/events/{name}"] =                                           R(SignIn, SignIn, No,     No,     No,     No,     No,     Ok,     Ok,     "chairs, co-chairs, the secretariat operate"),

        // The directory: anyone signed in reads it; the secretariat keeps it.
        ["GET /api/people"] =                                                   R(SignIn, SignIn, Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone signed in"),
        ["POST /api/people"] =                                                  R(SignIn, SignIn, No,     No,     No,     No,     No,     No,     Ok,     "the secretariat"),
        ["GET /api/task-forces"] =                                              R(SignIn, SignIn, Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone signed in"),
        ["GET /api/task-forces/{id}"] =                                         R(SignIn, SignIn, Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone signed in"),
        ["POST /api/task-forces"] =                                             R(SignIn, SignIn, No,     No,     No,     No,     No,     No,     Ok,     "the secretariat"),

        // A consultation: its audience (an advisor's link for its own only) and the internals; the comment-resolution matrix is internal.
        ["GET /api/consultations/{id}"] =                                       R(SignIn, Ok,     Ok,     No,     No,     Ok,     Ok,     Ok,     Ok,     "its audience and the internals"),
        ["GET /api/consultations/{id}/draft.docx"] =                            R(SignIn, Ok,     Ok,     No,     No,     Ok,     Ok,     Ok,     Ok,     "as the consultation: its audience and the internals"),
        ["GET /api/consultations/{id}/comments"] =                              R(SignIn, Ok,     Ok,     No,     No,     Ok,     Ok,     Ok,     Ok,     "its audience (their own comments) and the internals (all)"),
        ["POST /api/consultations/{id}/comments"] =                             R(SignIn, Ok,     Ok,     No,     No,     No,     No,     No,     No,     "its audience (here the Advisory Network)"),
        ["POST /api/consultations/{id}/close"] =                                R(SignIn, SignIn, No,     No,     No,     No,     Ok,     Ok,     Ok,     "chairs, co-chairs, pen-holders, the secretariat steer"),
        ["POST /api/consultations/{id}/extend"] =                               R(SignIn, SignIn, No,     No,     No,     No,     Ok,     Ok,     Ok,     "chairs, co-chairs, pen-holders, the secretariat steer"),
        ["POST /api/consultations/{id}/withdraw"] =                             R(SignIn, SignIn, No,     No,     No,     No,     No,     Ok,     Ok,     "chairs, co-chairs, the secretariat"),
        ["GET /api/consultations/{id}/dispositions"] =                          R(SignIn, SignIn, Ok,     No,     No,     Ok,     Ok,     Ok,     Ok,     "the internals; an advisor of it, the rows of their own comments"),
        ["GET /api/consultations/{id}/dispositions.csv"] =                      R(SignIn, SignIn, Ok,     No,     No,     Ok,     Ok,     Ok,     Ok,     "the internals; an advisor of it, the rows of their own comments"),
        ["GET /api/consultations/{id}/dispositions.md"] =                       R(SignIn, SignIn, Ok,     No,     No,     Ok,     Ok,     Ok,     Ok,     "the internals; an advisor of it, the rows of their own comments"),
        ["GET /api/consultations/{id}/dispositions.docx"] =                     R(SignIn, SignIn, Ok,     No,     No,     Ok,     Ok,     Ok,     Ok,     "the internals; an advisor of it, the rows of their own comments"),
        ["PUT /api/consultations/{id}/dispositions/{commentId}"] =              R(SignIn, SignIn, No,     No,     No,     No,     Ok,     No,     Ok,     "the pen-holders and the secretariat"),
        ["GET /api/consultations/{id}/links"] =                                 R(SignIn, SignIn, No,     No,     No,     No,     No,     No,     Ok,     "the secretariat"),
        ["POST /api/consultations/{id}/links/revoke"] =                         R(SignIn, SignIn, No,     No,     No,     No,     No,     No,     Ok,     "the secretariat"),

        // An approval round: the diplomats of the governments it asks (here all), and the internals; diplomats respond.
        ["GET /api/approvals/{id}"] =                                           R(SignIn, SignIn, No,     No,     Ok,     Ok,     Ok,     Ok,     Ok,     "the governments asked and the internals"),
        ["POST /api/approvals/{id}/responses"] =                                R(SignIn, SignIn, No,     No,     Ok,     Ok,     Ok,     Ok,     No,     "diplomats of the governments asked (the secretariat on their behalf)"),
        ["POST /api/approvals/{id}/extend"] =                                   R(SignIn, SignIn, No,     No,     No,     No,     No,     Ok,     Ok,     "chairs, co-chairs, the secretariat"),
        ["POST /api/approvals/{id}/withdraw"] =                                 R(SignIn, SignIn, No,     No,     No,     No,     No,     Ok,     Ok,     "chairs, co-chairs, the secretariat"),

        // Publications: public once released; before, an embargoed text does not exist for whoever may not see the internals.
        ["GET /api/publications"] =                                             R(Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "everyone, each seeing what is released or theirs"),
        ["GET /api/publications/{id}"] =                                        R(Nf,     Nf,     Nf,     Nf,     Nf,     Ok,     Ok,     Ok,     Ok,     "released: everyone; embargoed: the internals"),
        ["GET /api/publications/{id}.docx"] =                                   R(Nf,     Nf,     Nf,     Nf,     Nf,     Ok,     Ok,     Ok,     Ok,     "as the publication"),
        ["PUT /api/publications/{id}/translations/{language}"] =                R(SignIn, SignIn, No,     No,     No,     No,     Ok,     No,     Ok,     "the pen-holders and the secretariat"),

        // The outbox: chairs, co-chairs, the secretariat.
        ["GET /api/outbox"] =                                                   R(SignIn, SignIn, No,     No,     No,     No,     No,     Ok,     Ok,     "chairs, co-chairs, the secretariat"),
        ["GET /api/outbox/{id}"] =                                              R(SignIn, SignIn, No,     No,     No,     No,     No,     Ok,     Ok,     "chairs, co-chairs, the secretariat"),
        ["POST /api/outbox/{id}/retry"] =                                       R(SignIn, SignIn, No,     No,     No,     No,     No,     Ok,     Ok,     "chairs, co-chairs, the secretariat"),

        // Signing in and out, health, the API's description, files, the interactive circuit: no gate.
        ["POST /account/signin"] =                                              R(Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone (development sign-in)"),
        ["POST /account/signout"] =                                             R(Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone"),
        ["* /health/live"] =                                                    R(Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone"),
        ["* /health/ready"] =                                                   R(Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone"),
        ["GET /openapi/{documentName}.json"] =                                  R(Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone"),
        ["GET /api-docs/{documentName?}"] =                                     R(Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone"),
        ["GET /api-docs/scalar.js"] =                                           R(Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone"),
        ["GET /api-docs/scalar.aspnetcore.js"] =                                R(Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone"),
        ["GET /api-docs/favicon.svg"] =                                         R(Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone"),
        [StaticAssets] =                                                        R(Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone"),
        ["GET,HEAD /{**path:file}"] =                                           R(Nf,     Nf,     Nf,     Nf,     Nf,     Nf,     Nf,     Nf,     Nf,     "anyone: a file that is not there"),
        ["* /_blazor/negotiate"] =                                              R(Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone: each component checks again"),
        ["* /_blazor"] =                                                        R(Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone: each component checks again"),
        ["* /_blazor/disconnect"] =                                             R(Bad,    Bad,    Bad,    Bad,    Bad,    Bad,    Bad,    Bad,    Bad,    "anyone holding a circuit id"),
        ["* /_blazor/initializers"] =                                           R(Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone"),
        ["GET /_framework/opaque-redirect"] =                                        R(Bad,    Bad,    Bad,    Bad,    Bad,    Bad,    Bad,    Bad,    Bad,    "anyone holding a redirect the server sealed"),

        // The Designer's pages, by the same rules as the API.
        ["GET,POST /"] =                                                        R(Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone (tasks once signed in)"),
        ["GET,POST /signin"] =                                                  R(Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone"),
        ["GET,POST /inbox"] =                                                   R(SignIn, SignIn, Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone signed in: their own"),
        ["GET,POST /instances"] =                                               R(SignIn, SignIn, Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone signed in, listing only what they may see"),
        ["GET,POST /instances/{Id}"] =                                          R(SignIn, SignIn, No,     No,     No,     Ok,     Ok,     Ok,     Ok,     "its internals"),
        ["GET,POST /launch/{DefinitionId}"] =                                   R(SignIn, SignIn, No,     No,     No,     No,     No,     Ok,     Ok,     "chairs, co-chairs, the secretariat"),
        ["GET,POST /definitions/{Id}"] =                                        R(SignIn, SignIn, No,     No,     No,     No,     No,     No,     Ok,     "the secretariat"),
        ["GET,POST /definitions/import"] =                                      R(SignIn, SignIn, No,     No,     No,     No,     No,     No,     Ok,     "the secretariat"),
        ["GET,POST /definitions/{Id}/versions"] =                               R(SignIn, SignIn, Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     Ok,     "anyone signed in"),
        ["GET,POST /consultations/{Id}"] =                                      R(SignIn, Ok,     Ok,     No,     No,     No,     No,     No,     No,     "its audience comments here; others are sent to its resolution page"),
        ["GET,POST /consultations/{Id}/dispositions"] =                         R(SignIn, SignIn, Ok,     No,     No,     Ok,     Ok,     Ok,     Ok,     "the internals; an advisor of it, the rows of their own comments"),
        ["GET,POST /approvals/{Id}"] =                                          R(SignIn, SignIn, No,     No,     Ok,     Ok,     Ok,     Ok,     Ok,     "the governments asked and the internals"),
        ["GET,POST /instances/{InstanceId}/drafts/latest"] =                    R(SignIn, SignIn, Ok,     No,     No,     Ok,     Ok,     Ok,     Ok,     "the internals; an audience the version it was consulted on"),
        ["GET,POST /instances/{InstanceId}/drafts/{Number:int}"] =              R(SignIn, SignIn, No,     No,     No,     Ok,     Ok,     Ok,     Ok,     "the internals (version 1 was for the task force only)"),
        ["GET,POST /instances/{InstanceId}/drafts/{From:int}/diff/{To:int}"] =  R(SignIn, SignIn, No,     No,     No,     Ok,     Ok,     Ok,     Ok,     "whoever may read both versions"),
        ["GET,POST /outbox"] =                                                  R(SignIn, SignIn, No,     No,     No,     No,     No,     Ok,     Ok,     "chairs, co-chairs, the secretariat"),
    };
}
