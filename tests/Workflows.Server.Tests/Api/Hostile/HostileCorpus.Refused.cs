using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Api.Hostile.Hostile;

namespace FocWorkflows.Server.Tests.Api.Hostile;

/// <summary>Requests the server must refuse, 4xx ProblemDetails, writing nothing.</summary>
public static partial class HostileCorpus
{
    private const string Chair = People.Chair, Secretariat = People.Secretariat, Canada = People.MemberCanada;
    private const string Advisor = "advisor.uni@foc.example", PenHolder = "diplomat.nl@foc.example", CoChair = People.CoChair;
    private const string Start = "/api/instances", Comments = "/api/consultations/{consultation}/comments", Drafts = "/api/instances/{draft}/drafts";
    private const string Responses = "/api/approvals/{round}/responses", Disposition = "/api/consultations/{consultation}/dispositions/{comment}";

    private static string Big(int length) => new('x', length);

    private static string Deep(int depth) => string.Concat(Enumerable.Repeat("[", depth)) + string.Concat(Enumerable.Repeat("]", depth));

    private static string Paragraphs(int count) => string.Join("\\n\\n", Enumerable.Range(1, count).Select(i => $"Paragraph {i}."));

    private static IEnumerable<Hostile> Malformed() =>
    [
        Refuse("start: truncated object", Chair, "POST", Start, """{"definitionId": "hello" """, 400),
        Refuse("start: missing value", Chair, "POST", Start, """{"definitionId": }""", 400),
        Refuse("start: trailing comma", Chair, "POST", Start, """{"definitionId": "hello",}""", 400),
        Refuse("start: single quotes", Chair, "POST", Start, "{'definitionId': 'hello'}", 400),
        Refuse("start: NaN in the input", Chair, "POST", Start, """{"definitionId": "hello", "input": {"n": NaN}}""", 400),
        Refuse("start: an array for the request", Chair, "POST", Start, """[{"definitionId": "hello"}]""", 400),
        Refuse("start: a bare string", Chair, "POST", Start, "\"hello\"", 400),
        Refuse("start: a comment in the JSON", Chair, "POST", Start, """{/* x */ "definitionId": "hello"}""", 400),
        Refuse("start: a lone surrogate", Chair, "POST", Start, """{"definitionId": "\uD800"}"""),
        Refuse("start: an empty body", Chair, "POST", Start, "", 400),
        Refuse("comment: truncated", Advisor, "POST", Comments, """{"paragraph": 1, "text": "x" """, 400),
        Refuse("respond: unquoted word", Canada, "POST", Responses, """{"kind": object}""", 400),
        Refuse("definition: truncated", Secretariat, "PUT", "/api/definitions/x", """{"id": "x", "name": """, 400),
        Refuse("event: truncated", Chair, "POST", "/api/events/sc-decided", """{"correlationKey": """, 400),
        Refuse("task: truncated", Chair, "POST", "/api/tasks/{task}/complete", """{"action": "approve", "data": {""", 400),
        Refuse("person: missing value", Secretariat, "POST", "/api/people", """{"email": "a@foc.example", "name": }""", 400),
        Refuse("draft: missing comma", CoChair, "POST", Drafts, """{"markdown": "# T" "title": "x"}""", 400),
        Refuse("cancel: missing value", Chair, "POST", "/api/instances/{draft}/cancel", """{"reason": }""", 400),
        Refuse("import: XML sent as JSON", Secretariat, "POST", "/api/definitions/import", "<workflow id=\"x\"/>", 400),
        Refuse("validate: an empty object", Secretariat, "POST", "/api/definitions/validate", "{}", 400),
    ];

    private static IEnumerable<Hostile> WrongTypes() =>
    [
        Refuse("start: a number for the definition id", Chair, "POST", Start, """{"definitionId": 42}""", 400),
        Refuse("start: a word for the version", Chair, "POST", Start, """{"definitionId": "hello", "version": "latest"}""", 400),
        Refuse("start: a version past Int32", Chair, "POST", Start, """{"definitionId": "hello", "version": 2147483648}""", 400),
        Refuse("start: text for the input", Chair, "POST", Start, """{"definitionId": "hello", "input": "x"}""", 400),
        Refuse("start: unknown definition", Chair, "POST", Start, """{"definitionId": "no-such-thing"}""", 404),
        Refuse("comment: a word for the paragraph", Advisor, "POST", Comments, """{"paragraph": "one", "text": "x"}""", 400),
        Refuse("comment: paragraph zero", Advisor, "POST", Comments, """{"paragraph": 0, "text": "x"}""", 400),
        Refuse("comment: a negative paragraph", Advisor, "POST", Comments, """{"paragraph": -5, "text": "x"}""", 400),
        Refuse("comment: a list for the text", Advisor, "POST", Comments, """{"paragraph": 1, "text": ["x"]}""", 400),
        Refuse("comment: draft version zero", Advisor, "POST", Comments, """{"paragraph": 1, "text": "x", "draftVersion": 0}""", 400),
        Refuse("respond: a number for the kind", Canada, "POST", Responses, """{"kind": 1}""", 400),
        Refuse("respond: a numeric kind", Canada, "POST", Responses, """{"kind": "1"}""", 400),
        Refuse("respond: an unknown kind", Canada, "POST", Responses, """{"kind": "veto"}""", 400),
        Refuse("respond: an objection without reason", Canada, "POST", Responses, """{"kind": "object"}""", 400),
        Refuse("event: a number for the correlation key", Chair, "POST", "/api/events/sc-decided", """{"correlationKey": 42}""", 400),
        Refuse("task: a list for the data", Chair, "POST", "/api/tasks/{task}/complete", """{"action": "approve", "data": []}""", 400),
        Refuse("task: an action it does not offer", Chair, "POST", "/api/tasks/{task}/complete", """{"action": "delete-everything"}""", 400),
        Refuse("person: roles as text", Secretariat, "POST", "/api/people", """{"email": "x@foc.example", "name": "X", "roles": "secretariat"}""", 400),
        Refuse("person: an unknown role", Secretariat, "POST", "/api/people", """{"email": "x@foc.example", "name": "X", "roles": ["god"]}""", 400),
        Refuse("person: not an e-mail", Secretariat, "POST", "/api/people", """{"email": "not-an-email", "name": "X"}""", 400),
        Refuse("task force: a path for the id", Secretariat, "POST", "/api/task-forces", """{"id": "../Admin", "name": "X"}""", 400),
        Refuse("extend: true for the moment", Chair, "POST", "/api/consultations/{consultation}/extend", """{"until": true, "reason": "r"}""", 400),
        Refuse("extend: a negative duration", Chair, "POST", "/api/consultations/{consultation}/extend", """{"by": "-P1D", "reason": "r"}""", 400),
        Refuse("close: no reason", Chair, "POST", "/api/consultations/{consultation}/close", "{}", 400),
        Refuse("dispose: an unknown decision", PenHolder, "PUT", Disposition, """{"decision": "maybe"}""", 400),
        Refuse("dispose: a refusal without reason", PenHolder, "PUT", Disposition, """{"decision": "notAccepted"}""", 400),
        Refuse("approval extend: no reason", Chair, "POST", "/api/approvals/{round}/extend", """{"by": "P1D"}""", 400),
        Refuse("list: a page size of 100000", Chair, "GET", "/api/instances?pageSize=100000", status: 400),
        Refuse("list: a negative page", Chair, "GET", "/api/instances?page=-1", status: 400),
        Refuse("list: a numeric status", Chair, "GET", "/api/instances?status=1", status: 400),
        Refuse("journal: take zero", Chair, "GET", "/api/instances/{draft}/journal?take=0", status: 400),
    ];

    private static IEnumerable<Hostile> Oversized() =>
    [
        Refuse("start: a 3 MB body", Chair, "POST", Start, $$$"""{"definitionId": "hello", "input": {"title": "{{{Big(3_000_000)}}}"}}""", 413),
        Refuse("comment: a 3 MB body", Advisor, "POST", Comments, $$"""{"paragraph": 1, "text": "{{Big(3_000_000)}}"}""", 413),
        Refuse("draft: 7.5 MB", CoChair, "POST", Drafts, $$"""{"markdown": "{{Big(7_500_000)}}"}""", 413),
        Refuse("definition: a 3 MB body", Secretariat, "PUT", "/api/definitions/big", $$"""{"id": "big", "name": "{{Big(3_000_000)}}"}""", 413),
        Refuse("event: a 3 MB payload", Chair, "POST", "/api/events/sc-decided", $$"""{"payload": "{{Big(3_000_000)}}"}""", 413),
        Refuse("person: a 3 MB name", Secretariat, "POST", "/api/people", $$"""{"email": "big@foc.example", "name": "{{Big(3_000_000)}}"}""", 413),
        Refuse("comment: one character too long", Advisor, "POST", Comments, $$"""{"paragraph": 1, "text": "{{Big(Limits.Text + 1)}}"}""", 400),
        Refuse("comment: a quote too long", Advisor, "POST", Comments, $$"""{"paragraph": 1, "text": "x", "quote": "{{Big(1_001)}}"}""", 400),
        Refuse("draft: 600 KB of Markdown", CoChair, "POST", Drafts, $$"""{"markdown": "{{Big(600 * 1024)}}"}""", 400),
        Refuse("draft: 1,001 paragraphs", CoChair, "POST", Drafts, $$"""{"markdown": "{{Paragraphs(Limits.DraftParagraphs + 1)}}"}""", 400),
        Refuse("draft: a title too long", CoChair, "POST", Drafts, $$"""{"markdown": "Text.", "title": "{{Big(Limits.Line + 1)}}"}""", 400),
        Refuse("draft: a note too long", CoChair, "POST", Drafts, $$"""{"markdown": "Text.", "note": "{{Big(Limits.Reason + 1)}}"}""", 400),
        Refuse("respond: a 200,000-character objection", Canada, "POST", Responses, $$"""{"kind": "object", "reason": "{{Big(200_000)}}"}""", 400),
        Refuse("respond: a proposed text too long", Canada, "POST", Responses, $$"""{"kind": "endorse", "proposedText": "{{Big(Limits.Text + 1)}}"}""", 400),
        Refuse("cancel: a reason too long", Chair, "POST", "/api/instances/{draft}/cancel", $$"""{"reason": "{{Big(Limits.Reason + 1)}}"}""", 400),
        Refuse("start: a 10,000-character title", Chair, "POST", Start, $$$"""{"definitionId": "hello", "input": {"title": "{{{Big(10_000)}}}"}}""", 400),
        Refuse("person: a name too long", Secretariat, "POST", "/api/people", $$"""{"email": "long@foc.example", "name": "{{Big(Limits.Line + 1)}}"}""", 400),
        Refuse("task force: a mandate too long", Secretariat, "POST", "/api/task-forces", $$"""{"id": "long", "name": "L", "mandate": "{{Big(Limits.Text + 1)}}"}""", 400),
        Refuse("task: a note too long", Chair, "POST", "/api/tasks/{task}/complete", $$$"""{"action": "approve", "data": {"note": "{{{Big(Limits.Text + 1)}}}"}}""", 400),
        Refuse("close: a reason too long", Chair, "POST", "/api/consultations/{consultation}/close", $$"""{"reason": "{{Big(Limits.Reason + 1)}}"}""", 400),
        Refuse("dispose: a reason too long", PenHolder, "PUT", Disposition, $$"""{"decision": "noted", "reason": "{{Big(Limits.Reason + 1)}}"}""", 400),
        Refuse("task force: an id too long", Secretariat, "POST", "/api/task-forces", $$"""{"id": "{{new string('t', 101)}}", "name": "L"}""", 400),
    ];

    private static IEnumerable<Hostile> Deep() =>
    [
        Refuse("start: input nested 40 deep", Chair, "POST", Start, $$$"""{"definitionId": "hello", "input": {"x": {{{Deep(40)}}}}}""", 400),
        Refuse("event: payload nested 40 deep", Chair, "POST", "/api/events/sc-decided", $$"""{"payload": {{Deep(40)}}}""", 400),
        Refuse("task: data nested 40 deep", Chair, "POST", "/api/tasks/{task}/complete", $$$"""{"action": "approve", "data": {"x": {{{Deep(40)}}}}}""", 400),
        Refuse("definition: settings nested 40 deep", Secretariat, "PUT", "/api/definitions/deep",
            $$$"""{"id": "deep", "name": "D", "activities": [{"id": "s", "type": "control.start", "settings": {"x": {{{Deep(40)}}}}}]}""", 400),
        Refuse("comment: 100,000 opening brackets", Advisor, "POST", Comments, $$"""{"paragraph": 1, "text": {{new string('[', 100_000)}}""", 400),
        Refuse("person: objects nested 1,000 deep", Secretariat, "POST", "/api/people",
            string.Concat(Enumerable.Repeat("{\"a\":", 1_000)) + "1" + new string('}', 1_000), 400),
    ];

    private static IEnumerable<Hostile> MediaTypes() =>
    [
        Refuse("start: charset utf-7", Chair, "POST", Start, """{"definitionId": "hello"}""", 415, "application/json; charset=utf-7"),
        Refuse("start: charset bogus", Chair, "POST", Start, """{"definitionId": "hello"}""", 415, "application/json; charset=bogus"),
        Refuse("start: charset latin-1", Chair, "POST", Start, """{"definitionId": "hello"}""", 415, "application/json; charset=iso-8859-1"),
        Refuse("start: charset utf-16", Chair, "POST", Start, """{"definitionId": "hello"}""", 415, "application/json; charset=utf-16"),
        Refuse("comment: text/plain", Advisor, "POST", Comments, """{"paragraph": 1, "text": "x"}""", 415, "text/plain"),
        Refuse("comment: XML", Advisor, "POST", Comments, """{"paragraph": 1, "text": "x"}""", 415, "application/xml"),
        Refuse("comment: charset utf-7", Advisor, "POST", Comments, """{"paragraph": 1, "text": "+ADw-script+AD4-"}""", 415, "application/json; charset=utf-7"),
        Refuse("draft: multipart", CoChair, "POST", Drafts, """{"markdown": "x"}""", 415, "multipart/form-data; boundary=x"),
        Refuse("definition: HTML", Secretariat, "PUT", "/api/definitions/x", """{"id": "x", "name": "x"}""", 415, "text/html"),
        Refuse("event: a form", Chair, "POST", "/api/events/sc-decided", "correlationKey=ai", 415, "application/x-www-form-urlencoded"),
        Refuse("respond: no content type", Canada, "POST", Responses, """{"kind": "endorse"}""", 415, contentType: null),
        Refuse("respond: application/jsonp", Canada, "POST", Responses, """{"kind": "endorse"}""", 415, "application/jsonp"),
        Refuse("import: charset utf-32", Secretariat, "POST", "/api/definitions/import", """{"id": "x", "name": "x"}""", 415, "application/json; charset=utf-32"),
    ];

    private static IEnumerable<Hostile> PathTricks() =>
    [
        Refuse("definition id: ...", Chair, "GET", "/api/definitions/...", status: 400),
        Refuse("definition id: ../../etc/passwd", Chair, "GET", "/api/definitions/..%2F..%2Fetc%2Fpasswd", status: 400),
        Refuse("definition id: ../admin on save", Secretariat, "PUT", "/api/definitions/%2e%2e%2fadmin", """{"id": "../admin", "name": "x"}""", 400),
        Refuse("definition id: 300 characters", Chair, "GET", "/api/definitions/" + new string('d', 300), status: 400),
        Refuse("definition id: 5,000 characters", Chair, "GET", "/api/definitions/" + new string('d', 5_000), status: 400),
        Refuse("definition id: accented letters", Chair, "GET", "/api/definitions/%C3%A9t%C3%A9", status: 400),
        Refuse("definition id: a line break", Chair, "GET", "/api/definitions/a%0Ab", status: 400),
        Refuse("definition id: a right-to-left override", Chair, "GET", "/api/definitions/%E2%80%AEtxt.exe", status: 400),
        Refuse("definition id: a control character", Chair, "GET", "/api/definitions/a%07b", status: 400),
        Refuse("definition id: body and address differ", Secretariat, "PUT", "/api/definitions/hello", """{"id": "other", "name": "x"}""", 400),
        Refuse("instance id: ../../definitions", Chair, "GET", "/api/instances/..%2F..%2Fdefinitions", status: 404),
        Refuse("instance id: 5,000 characters", Chair, "GET", "/api/instances/" + new string('i', 5_000), status: 400),
        Refuse("instance id: a control character", Chair, "GET", "/api/instances/%1B", status: 400),
        Refuse("consultation id: ../other", Advisor, "POST", "/api/consultations/..%2F{other}/comments", """{"paragraph": 1, "text": "x"}""", 404),
        Refuse("draft number: past Int64", Chair, "GET", "/api/instances/{draft}/drafts/99999999999999999999", status: 404),
        Refuse("task id: ../..", Chair, "GET", "/api/tasks/..%2F..", status: 404),
        Refuse("event name: ../admin", Chair, "POST", "/api/events/..%2Fadmin", """{"correlationKey": "ai"}""", 400),
        Refuse("event name: 201 characters", Chair, "POST", "/api/events/" + new string('e', 201), """{"correlationKey": "ai"}""", 400),
        Refuse("event name: a space", Chair, "POST", "/api/events/sc%20decided", """{"correlationKey": "ai"}""", 400),
        Refuse("correlation key: a line break", Chair, "POST", "/api/events/sc-decided", """{"correlationKey": "a\nb"}""", 400),
        Refuse("correlation key: 201 characters", Chair, "POST", "/api/events/sc-decided", $$"""{"correlationKey": "{{Big(201)}}"}""", 400),
        Refuse("idempotency key: 201 characters", Chair, "POST", Start, """{"definitionId": "hello"}""", 400, headers: Header("Idempotency-Key", Big(201))),
        Refuse("idempotency key: Cyrillic", Advisor, "POST", Comments, """{"paragraph": 1, "text": "x"}""", 400, headers: Header("Idempotency-Key", "ключ")),
        Refuse("idempotency key: inner space", CoChair, "POST", Drafts, """{"markdown": "x"}""", 400, headers: Header("Idempotency-Key", "a b")),
    ];

    private static IEnumerable<Hostile> Tokens() =>
    [
        Refuse("link: one character changed", null, "GET", "/api/consultations/{consultation}", status: 401,
            headers: Header(AdvisorLinkAuthenticationHandler.Header, "{tampered}")),
        Refuse("link: cut short", null, "GET", "/api/consultations/{consultation}?token={short}", status: 401),
        Refuse("link: something appended", null, "GET", "/api/consultations/{consultation}?token={token}x", status: 401),
        Refuse("link: not a token at all", null, "GET", "/api/consultations/{consultation}?token=%27%20OR%201%3D1--", status: 401),
        Refuse("link: tampered, posting a comment", null, "POST", Comments, """{"paragraph": 1, "text": "x"}""", 401,
            headers: Header(AdvisorLinkAuthenticationHandler.Header, "{tampered}")),
        Refuse("link: another consultation's, reading", null, "GET", "/api/consultations/{consultation}?token={othertoken}", status: 403),
        Refuse("link: another consultation's, commenting", null, "POST", Comments + "?token={othertoken}", """{"paragraph": 1, "text": "x"}""", 403),
        Refuse("link: on the instances", null, "GET", "/api/instances?token={token}", status: 401),
        Refuse("link: on an approval round", null, "GET", "/api/approvals/{round}?token={token}", status: 401),
        Refuse("dev header: unknown person", "nobody@evil.example", "GET", "/api/instances", status: 401),
        Refuse("dev header: a look-alike of the secretariat", "secretariat@foc.example.evil.example", "POST", Start, """{"definitionId": "hello"}""", 401),
        Refuse("bearer: a forged token", null, "GET", "/api/instances", status: 401,
            headers: Header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJlbWFpbCI6InNlY3JldGFyaWF0QGZvYy5leGFtcGxlIn0.")),
        Refuse("cookie: a forged session", null, "GET", "/api/instances", status: 401, headers: Header("Cookie", "foc.session=CfDJ8forged")),
        Refuse("advisor: saves a definition", Advisor, "PUT", "/api/definitions/mine", """{"id": "mine", "name": "x"}""", 403),
        Refuse("advisor: starts an instance", Advisor, "POST", Start, """{"definitionId": "hello"}""", 403),
        Refuse("advisor: comments for someone else", Advisor, "POST", Comments, """{"paragraph": 1, "text": "x", "onBehalfOf": "advisor.tech@foc.example"}""", 403),
        Refuse("diplomat: responds for another government", Canada, "POST", Responses, """{"kind": "endorse", "onBehalfOf": "diplomat.gh@foc.example"}""", 403),
        Refuse("advisor: submits a draft", Advisor, "POST", Drafts, """{"markdown": "Mine now."}""", 403),
        Refuse("advisor: retries an outbox message", Advisor, "POST", "/api/outbox/x/retry", status: 403),
        Refuse("advisor: disposes of a comment", Advisor, "PUT", Disposition, """{"decision": "accepted"}""", 403),
        Refuse("method: DELETE an instance", Chair, "DELETE", "/api/instances/{draft}", status: 405),
        Refuse("method: PATCH a definition", Secretariat, "PATCH", "/api/definitions/hello", """{"name": "x"}""", 405),
        Refuse("method: POST the catalog", Chair, "POST", "/api/activities", "{}", 405),
    ];
}
