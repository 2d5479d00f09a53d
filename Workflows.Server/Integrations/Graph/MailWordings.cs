namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>
/// The built-in mails' words, per language. Placeholders are Liquid; <c>humanize</c> speaks the
/// reader's language ("3 days from now", "dans 3 jours", "en 3 días", "in 3 Tagen"), so each sentence
/// is built to read well around it. A language without a wording here gets English.
/// </summary>
internal sealed record MailWordings(string Greeting, string Signature, IReadOnlyDictionary<string, (string Subject, string Body)> Texts)
{
    private const string Humanized = "{{ vars.deadlineAt | humanize }} ({{ vars.deadline }})";

    // Every mail names the text it is about, in its subject: a reader with several open deliberations must tell them apart.
    private const string TitleAfter = "{% if input.title %} — {{ input.title }}{% endif %}";

    public static readonly MailWordings English = new(
        "<p>Dear {{ vars.name }},</p>",
        "<p>The Freedom Online Coalition Support Unit</p>",
        new Dictionary<string, (string, string)>
        {
            ["consultation-opened"] = (
                "Consultation open: {{ input.title | default: 'a draft for your comments' }}",
                "<p>The consultation on <strong>{{ input.title | default: 'a draft' }}</strong> is open for your comments. "
                + $"It closes {Humanized}.</p><p><a href=\"{{{{ vars.link }}}}\">Read the draft and comment</a></p>"),
            ["consultation-reminder"] = (
                "Reminder: the consultation closes {{ vars.deadlineAt | humanize }}" + TitleAfter,
                "<p>We have not yet received your comments on <strong>{{ input.title | default: 'the draft' }}</strong>. "
                + $"The consultation closes {Humanized}.</p><p><a href=\"{{{{ vars.link }}}}\">Comment now</a></p>"),
            ["approval-opened"] = (
                "Approval requested: {{ input.title | default: 'a text of the Coalition' }}",
                "<p>Your government is asked to approve <strong>{{ input.title | default: 'a text' }}</strong>. "
                + $"Responses close {Humanized}.</p><p><a href=\"{{{{ vars.link }}}}\">Respond</a></p>"),
            ["approval-extended"] = (
                "Deadline extended: {{ input.title | default: 'a text of the Coalition' }}",
                "<p>The deadline for responses on <strong>{{ input.title | default: 'a text' }}</strong> was extended. "
                + $"Responses now close {Humanized}.</p><p>Reason: {{{{ input.reason }}}}</p><p><a href=\"{{{{ vars.link }}}}\">Respond</a></p>"),
            ["approval-withdrawn"] = (
                "Withdrawn: {{ input.title | default: 'a text of the Coalition' }}",
                "<p><strong>{{ input.title | default: 'The text' }}</strong> was withdrawn from approval: no response is needed.</p>"
                + "<p>Reason: {{ input.reason }}</p><p><a href=\"{{ vars.link }}\">The round</a></p>"),
            ["consultation-withdrawn"] = (
                "Consultation withdrawn: {{ input.title | default: 'a draft' }}",
                "<p>The consultation on <strong>{{ input.title | default: 'a draft' }}</strong> was withdrawn: no comments are needed. "
                + "Comments already sent stay on record.</p><p>Reason: {{ input.reason }}</p>"),
        });

    private static readonly MailWordings French = new(
        "<p>Bonjour {{ vars.name }},</p>",
        "<p>L’Unité de soutien de la Freedom Online Coalition</p>",
        new Dictionary<string, (string, string)>
        {
            ["consultation-opened"] = (
                "Consultation ouverte : {{ input.title | default: 'un projet soumis à vos commentaires' }}",
                "<p>La consultation sur <strong>{{ input.title | default: 'un projet' }}</strong> est ouverte à vos commentaires. "
                + $"Elle se termine {Humanized}.</p><p><a href=\"{{{{ vars.link }}}}\">Lire le projet et le commenter</a></p>"),
            ["consultation-reminder"] = (
                "Rappel : la consultation se termine {{ vars.deadlineAt | humanize }}" + TitleAfter,
                "<p>Nous n’avons pas encore reçu vos commentaires sur <strong>{{ input.title | default: 'le projet' }}</strong>. "
                + $"La consultation se termine {Humanized}.</p><p><a href=\"{{{{ vars.link }}}}\">Commenter maintenant</a></p>"),
            ["approval-opened"] = (
                "Approbation demandée : {{ input.title | default: 'un texte de la Coalition' }}",
                "<p>Votre gouvernement est invité à approuver <strong>{{ input.title | default: 'un texte' }}</strong>. "
                + $"La période de réponse se termine {Humanized}.</p><p><a href=\"{{{{ vars.link }}}}\">Répondre</a></p>"),
            ["approval-extended"] = (
                "Délai prolongé : {{ input.title | default: 'un texte de la Coalition' }}",
                "<p>Le délai de réponse sur <strong>{{ input.title | default: 'un texte' }}</strong> a été prolongé. "
                + $"La période de réponse se termine désormais {Humanized}.</p><p>Motif : {{{{ input.reason }}}}</p><p><a href=\"{{{{ vars.link }}}}\">Répondre</a></p>"),
            ["approval-withdrawn"] = (
                "Retiré : {{ input.title | default: 'un texte de la Coalition' }}",
                "<p><strong>{{ input.title | default: 'Le texte' }}</strong> a été retiré de la procédure d’approbation : aucune réponse n’est attendue.</p>"
                + "<p>Motif : {{ input.reason }}</p><p><a href=\"{{ vars.link }}\">La procédure</a></p>"),
            ["consultation-withdrawn"] = (
                "Consultation retirée : {{ input.title | default: 'un projet' }}",
                "<p>La consultation sur <strong>{{ input.title | default: 'un projet' }}</strong> a été retirée : aucun commentaire n’est attendu. "
                + "Les commentaires déjà envoyés restent consignés.</p><p>Motif : {{ input.reason }}</p>"),
        });

    private static readonly MailWordings Spanish = new(
        "<p>Estimado/a {{ vars.name }}:</p>",
        "<p>La Unidad de Apoyo de la Freedom Online Coalition</p>",
        new Dictionary<string, (string, string)>
        {
            ["consultation-opened"] = (
                "Consulta abierta: {{ input.title | default: 'un borrador para sus comentarios' }}",
                "<p>La consulta sobre <strong>{{ input.title | default: 'un borrador' }}</strong> está abierta a sus comentarios. "
                + $"Se cierra {Humanized}.</p><p><a href=\"{{{{ vars.link }}}}\">Leer el borrador y comentar</a></p>"),
            ["consultation-reminder"] = (
                "Recordatorio: la consulta se cierra {{ vars.deadlineAt | humanize }}" + TitleAfter,
                "<p>Todavía no hemos recibido sus comentarios sobre <strong>{{ input.title | default: 'el borrador' }}</strong>. "
                + $"La consulta se cierra {Humanized}.</p><p><a href=\"{{{{ vars.link }}}}\">Comentar ahora</a></p>"),
            ["approval-opened"] = (
                "Solicitud de aprobación: {{ input.title | default: 'un texto de la Coalición' }}",
                "<p>Se solicita a su gobierno que apruebe <strong>{{ input.title | default: 'un texto' }}</strong>. "
                + $"El plazo de respuesta se cierra {Humanized}.</p><p><a href=\"{{{{ vars.link }}}}\">Responder</a></p>"),
            ["approval-extended"] = (
                "Plazo ampliado: {{ input.title | default: 'un texto de la Coalición' }}",
                "<p>Se ha ampliado el plazo de respuesta sobre <strong>{{ input.title | default: 'un texto' }}</strong>. "
                + $"El plazo de respuesta se cierra ahora {Humanized}.</p><p>Motivo: {{{{ input.reason }}}}</p><p><a href=\"{{{{ vars.link }}}}\">Responder</a></p>"),
            ["approval-withdrawn"] = (
                "Retirado: {{ input.title | default: 'un texto de la Coalición' }}",
                "<p><strong>{{ input.title | default: 'El texto' }}</strong> se ha retirado del procedimiento de aprobación: no se necesita respuesta.</p>"
                + "<p>Motivo: {{ input.reason }}</p><p><a href=\"{{ vars.link }}\">El procedimiento</a></p>"),
            ["consultation-withdrawn"] = (
                "Consulta retirada: {{ input.title | default: 'un borrador' }}",
                "<p>La consulta sobre <strong>{{ input.title | default: 'un borrador' }}</strong> se ha retirado: no se necesitan comentarios. "
                + "Los comentarios ya enviados quedan registrados.</p><p>Motivo: {{ input.reason }}</p>"),
        });

    private static readonly MailWordings German = new(
        "<p>Guten Tag {{ vars.name }},</p>",
        "<p>Die Support Unit der Freedom Online Coalition</p>",
        new Dictionary<string, (string, string)>
        {
            ["consultation-opened"] = (
                "Konsultation eröffnet: {{ input.title | default: 'ein Entwurf zur Kommentierung' }}",
                "<p>Die Konsultation zu <strong>{{ input.title | default: 'einem Entwurf' }}</strong> ist für Ihre Kommentare geöffnet. "
                + $"Sie endet {Humanized}.</p><p><a href=\"{{{{ vars.link }}}}\">Entwurf lesen und kommentieren</a></p>"),
            ["consultation-reminder"] = (
                "Erinnerung: Die Konsultation endet {{ vars.deadlineAt | humanize }}" + TitleAfter,
                "<p>Ihre Kommentare zu <strong>{{ input.title | default: 'dem Entwurf' }}</strong> liegen uns noch nicht vor. "
                + $"Die Konsultation endet {Humanized}.</p><p><a href=\"{{{{ vars.link }}}}\">Jetzt kommentieren</a></p>"),
            ["approval-opened"] = (
                "Bitte um Zustimmung: {{ input.title | default: 'ein Text der Koalition' }}",
                "<p>Ihre Regierung wird um Zustimmung zu <strong>{{ input.title | default: 'einem Text' }}</strong> gebeten. "
                + $"Die Antwortfrist endet {Humanized}.</p><p><a href=\"{{{{ vars.link }}}}\">Antworten</a></p>"),
            ["approval-extended"] = (
                "Frist verlängert: {{ input.title | default: 'ein Text der Koalition' }}",
                "<p>Die Antwortfrist zu <strong>{{ input.title | default: 'einem Text' }}</strong> wurde verlängert. "
                + $"Sie endet nun {Humanized}.</p><p>Begründung: {{{{ input.reason }}}}</p><p><a href=\"{{{{ vars.link }}}}\">Antworten</a></p>"),
            ["approval-withdrawn"] = (
                "Zurückgezogen: {{ input.title | default: 'ein Text der Koalition' }}",
                "<p><strong>{{ input.title | default: 'Der Text' }}</strong> wurde aus dem Zustimmungsverfahren zurückgezogen: Es ist keine Antwort nötig.</p>"
                + "<p>Begründung: {{ input.reason }}</p><p><a href=\"{{ vars.link }}\">Zum Verfahren</a></p>"),
            ["consultation-withdrawn"] = (
                "Konsultation zurückgezogen: {{ input.title | default: 'ein Entwurf' }}",
                "<p>Die Konsultation zu <strong>{{ input.title | default: 'einem Entwurf' }}</strong> wurde zurückgezogen: Es sind keine Kommentare nötig. "
                + "Bereits gesendete Kommentare bleiben festgehalten.</p><p>Begründung: {{ input.reason }}</p>"),
        });

    private static readonly IReadOnlyDictionary<string, MailWordings> ByLanguage = new Dictionary<string, MailWordings>
    {
        ["en"] = English, ["fr"] = French, ["es"] = Spanish, ["de"] = German,
    };

    /// <summary>The wording for a two-letter language, or null when there is none.</summary>
    public static MailWordings? For(string language) => ByLanguage.GetValueOrDefault(language);
}
