/** Every kind of email, with what its event passes in `params`. */
export const NOTIFICATION_TEMPLATES = ['document.published', 'feedback.answered', 'consultation.opened', 'session.live', 'good_practice.reviewed', 'good_practice.submitted', 'moderation.hidden', 'moderation.restored', 'news.published'] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];
export type NotificationLanguage = 'fr' | 'en';
/**
 * Sent to one account about its own business or work (not to followers): only "stop every
 * email" stops them.
 */
export const PERSONAL_TEMPLATES: readonly string[] = ['feedback.answered', 'good_practice.reviewed', 'good_practice.submitted', 'moderation.hidden', 'moderation.restored'];

export interface TemplateContext {
  template: string;
  language: NotificationLanguage;
  params: Record<string, unknown>;
  commune: { slug: string; name: string };
  /** Base URL of the web app (PUBLIC_URL). */
  publicUrl: string;
  /** Stops this kind of email (the commune's, or every email for personal ones). */
  unsubscribeUrl: string;
  /** Stops every email. */
  unsubscribeAllUrl: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

interface Content {
  subject: string;
  /** Paragraphs, plain text. */
  paragraphs: string[];
  link: { label: string; url: string };
  /** Why this person gets the email. */
  reason: string;
}

const FOOTER = {
  fr: { unsubscribe: 'Ne plus recevoir les messages de cette commune', unsubscribeAll: 'Ne plus recevoir aucun message de Communes+', personal: 'Ne plus recevoir de messages de Communes+' },
  en: { unsubscribe: 'Stop emails from this commune', unsubscribeAll: 'Stop all emails from Communes+', personal: 'Stop emails from Communes+' },
};

/**
 * Plain text and simple, accessible HTML (a language, a title, real links with their purpose
 * in the text, no images, no layout tables) in French or English. Content comes from the
 * outbox row; every value is escaped in the HTML.
 */
export function renderEmail(context: TemplateContext): RenderedEmail {
  const content = contentOf(context);
  const personal = PERSONAL_TEMPLATES.includes(context.template);
  const footer = FOOTER[context.language];
  const unsubscribeLinks = personal
    ? [{ label: footer.personal, url: context.unsubscribeAllUrl }]
    : [
        { label: footer.unsubscribe, url: context.unsubscribeUrl },
        { label: footer.unsubscribeAll, url: context.unsubscribeAllUrl },
      ];

  // French puts a space before the colon.
  const colon = context.language === 'fr' ? ' : ' : ': ';
  const text = [
    ...content.paragraphs,
    `${content.link.label}${colon}${content.link.url}`,
    '--',
    content.reason,
    ...unsubscribeLinks.map((link) => `${link.label}${colon}${link.url}`),
  ].join('\n\n');

  const html = `<!doctype html>
<html lang="${context.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff">
<main style="max-width:600px">
<h1 style="font-size:20px">${escapeHtml(content.subject)}</h1>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(content.link.url)}" style="color:#0b4f9c">${escapeHtml(content.link.label)}</a></p>
</main>
<footer style="max-width:600px;margin-top:24px;font-size:14px;color:#444444">
<p>${escapeHtml(content.reason)}</p>
${unsubscribeLinks.map((link) => `<p><a href="${escapeHtml(link.url)}" style="color:#0b4f9c">${escapeHtml(link.label)}</a></p>`).join('\n')}
</footer>
</body>
</html>
`;
  return { subject: content.subject, text, html };
}

function contentOf(context: TemplateContext): Content {
  const { commune, params, publicUrl, language } = context;
  const fr = language === 'fr';
  const communeUrl = `${publicUrl}/communes/${commune.slug}`;
  const title = str(params['title']);
  const followReason = fr
    ? `Vous recevez ce message parce que vous suivez la commune de ${commune.name} sur Communes+.`
    : `You receive this email because you follow the commune of ${commune.name} on Communes+.`;
  switch (context.template) {
    case 'document.published':
      return {
        subject: fr ? `${commune.name} a publié : ${title}` : `${commune.name} published: ${title}`,
        paragraphs: [fr ? `La commune de ${commune.name} vient de publier un document : « ${title} ».` : `The commune of ${commune.name} has just published a document: “${title}”.`],
        link: { label: fr ? 'Lire le document' : 'Read the document', url: `${communeUrl}/documents/${str(params['documentId'])}` },
        reason: followReason,
      };
    case 'feedback.answered':
      return {
        subject: fr ? `Réponse à votre message ${str(params['trackingNumber'])}` : `Answer to your message ${str(params['trackingNumber'])}`,
        paragraphs: [
          fr
            ? `La commune de ${commune.name} a répondu à votre message ${str(params['trackingNumber'])} :`
            : `The commune of ${commune.name} answered your message ${str(params['trackingNumber'])}:`,
          str(params['answer']),
        ],
        link: { label: fr ? 'Suivre votre message' : 'Follow your message', url: `${publicUrl}/suivi/${encodeURIComponent(str(params['trackingNumber']))}?commune=${commune.slug}` },
        reason: fr ? 'Vous recevez ce message parce que vous avez écrit à votre commune sur Communes+.' : 'You receive this email because you wrote to your commune on Communes+.',
      };
    case 'consultation.opened':
      return {
        subject: fr ? `${commune.name} vous consulte : ${title}` : `${commune.name} asks for your opinion: ${title}`,
        paragraphs: [fr ? `La commune de ${commune.name} ouvre une consultation : « ${title} ». Donnez votre avis.` : `The commune of ${commune.name} opens a consultation: “${title}”. Give your opinion.`],
        link: { label: fr ? 'Participer à la consultation' : 'Take part in the consultation', url: `${communeUrl}/consultations/${str(params['consultationId'])}` },
        reason: followReason,
      };
    case 'news.published':
      return {
        subject: fr ? `${commune.name} : ${title}` : `${commune.name}: ${title}`,
        paragraphs: [fr ? `La commune de ${commune.name} publie une actualité : « ${title} ».` : `The commune of ${commune.name} published news: “${title}”.`],
        link: { label: fr ? "Lire l'actualité" : 'Read the news', url: `${communeUrl}/actualites/${str(params['newsId'])}` },
        reason: followReason,
      };
    case 'session.live':
      return {
        subject: fr ? `En direct : ${title} (${commune.name})` : `Live now: ${title} (${commune.name})`,
        paragraphs: [fr ? `La session « ${title} » du conseil communal de ${commune.name} commence.` : `The council session “${title}” of ${commune.name} is starting.`],
        link: { label: fr ? 'Suivre la session' : 'Follow the session', url: `${communeUrl}/sessions/${str(params['sessionId'])}` },
        reason: followReason,
      };
    case 'good_practice.reviewed': {
      // ANCB's decision on a practice the recipient submitted for the national library.
      const decision = str(params['decision']);
      // [subject words, sentence] per decision and language.
      const verdicts: Record<string, { fr: [string, string]; en: [string, string] }> = {
        published: { fr: ['publiée', 'a été publiée dans la bibliothèque nationale des bonnes pratiques'], en: ['published', 'was published in the national library of good practices'] },
        changes_requested: { fr: ['modifications demandées', 'doit être modifiée avant sa publication'], en: ['changes requested', 'needs changes before it can be published'] },
        rejected: { fr: ['non retenue', "n'a pas été retenue pour la bibliothèque nationale"], en: ['not accepted', 'was not accepted for the national library'] },
        unpublished: { fr: ['retirée de la bibliothèque', 'a été retirée de la bibliothèque nationale'], en: ['taken off the library', 'was taken off the national library'] },
      };
      const [verdict, sentence] = (verdicts[decision] ?? { fr: ['examinée', 'a été examinée'], en: ['reviewed', 'was reviewed'] })[language];
      const comment = str(params['comment']);
      return {
        subject: fr ? `Bonne pratique « ${title} » : ${verdict}` : `Good practice “${title}”: ${verdict}`,
        paragraphs: [
          fr ? `La bonne pratique « ${title} » de ${commune.name} ${sentence}.` : `The good practice “${title}” of ${commune.name} ${sentence}.`,
          ...(comment ? [fr ? `Commentaire de l'ANCB : ${comment}` : `ANCB's comment: ${comment}`] : []),
        ],
        link: { label: fr ? 'Voir la bonne pratique' : 'See the good practice', url: `${publicUrl}/console/${commune.slug}/bonnes-pratiques/${str(params['practiceId'])}` },
        reason: fr ? 'Vous recevez ce message parce que vous avez soumis cette bonne pratique à l’ANCB sur Communes+.' : 'You receive this email because you submitted this good practice to ANCB on Communes+.',
      };
    }
    case 'good_practice.submitted': {
      // To ANCB's reviewers: a commune sent a practice for review (again, after changing it).
      const again = str(params['from']) !== '' && str(params['from']) !== 'draft';
      const comment = str(params['comment']);
      return {
        subject: fr
          ? `Bonne pratique à ${again ? 'réexaminer' : 'examiner'} : « ${title} » (${commune.name})`
          : `Good practice to review${again ? ' again' : ''}: “${title}” (${commune.name})`,
        paragraphs: [
          again
            ? fr
              ? `La commune de ${commune.name} soumet de nouveau la bonne pratique « ${title} » à l'ANCB, après l'avoir modifiée.`
              : `The commune of ${commune.name} submitted the good practice “${title}” to ANCB again, after changing it.`
            : fr
              ? `La commune de ${commune.name} soumet la bonne pratique « ${title} » à l'ANCB.`
              : `The commune of ${commune.name} submitted the good practice “${title}” to ANCB.`,
          ...(comment ? [fr ? `Message de la commune : ${comment}` : `The commune's message: ${comment}`] : []),
        ],
        link: { label: fr ? 'Examiner la bonne pratique' : 'Review the good practice', url: `${publicUrl}/ancb/bonnes-pratiques/${commune.slug}/${str(params['practiceId'])}` },
        reason: fr ? "Vous recevez ce message parce que vous examinez les bonnes pratiques pour l'ANCB sur Communes+." : 'You receive this email because you review good practices for ANCB on Communes+.',
      };
    }
    case 'moderation.hidden': {
      // The author of citizen content hidden by the commune's moderation, told why (issue 5).
      const [whatFr, whatEn] = MODERATED_KINDS[str(params['kind'])] ?? ['votre contribution', 'your contribution'];
      return {
        subject: fr ? `${commune.name} a masqué ${whatFr}` : `${commune.name} hid ${whatEn}`,
        paragraphs: [
          fr ? `La modération de la commune de ${commune.name} a masqué ${whatFr} : « ${str(params['excerpt'])} ».` : `The moderation of the commune of ${commune.name} hid ${whatEn}: “${str(params['excerpt'])}”.`,
          fr ? `Raison : ${str(params['reason'])}` : `Reason: ${str(params['reason'])}`,
          fr ? 'Vous le voyez toujours, masqué, avec cette raison ; les autres ne le voient plus.' : 'You still see it, hidden, with this reason; others no longer see it.',
        ],
        link: { label: fr ? 'Voir votre contribution' : 'See your contribution', url: `${publicUrl}${str(params['link'])}` },
        reason: fr ? 'Vous recevez ce message parce que vous avez écrit à votre commune sur Communes+.' : 'You receive this email because you wrote to your commune on Communes+.',
      };
    }
    case 'moderation.restored': {
      // The same author, told that the moderation undid its decision (with its reason, if any).
      const [whatFr, whatEn] = MODERATED_KINDS[str(params['kind'])] ?? ['votre contribution', 'your contribution'];
      const why = str(params['reason']).trim();
      return {
        subject: fr ? 'Votre contenu est de nouveau visible' : 'Your content is visible again',
        paragraphs: [
          fr
            ? `La modération de la commune de ${commune.name} a rétabli ${whatFr} : « ${str(params['excerpt'])} ». Ce contenu est de nouveau visible par tous.`
            : `The moderation of the commune of ${commune.name} restored ${whatEn}: “${str(params['excerpt'])}”. It is visible to everyone again.`,
          ...(why ? [fr ? `Raison : ${why}` : `Reason: ${why}`] : []),
        ],
        link: { label: fr ? 'Voir votre contribution' : 'See your contribution', url: `${publicUrl}${str(params['link'])}` },
        reason: fr ? 'Vous recevez ce message parce que vous avez écrit à votre commune sur Communes+.' : 'You receive this email because you wrote to your commune on Communes+.',
      };
    }
    default:
      throw new Error(`Unknown notification template ${context.template}`);
  }
}

/** What a moderated content is, in the author's words: [French, English]. */
const MODERATED_KINDS: Record<string, [string, string]> = {
  feedback: ['votre message', 'your message'],
  debate_comment: ['votre commentaire', 'your comment'],
  session_question: ['votre question', 'your question'],
};

function str(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
