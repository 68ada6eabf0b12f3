import { escapeHtml } from './notification-templates';
import type { UnsubscribeView } from './notifications.service';

const TEXT = {
  fr: {
    title: 'Se désabonner',
    askCommune: (name: string) => `Ne plus recevoir les messages de la commune de ${name} ?`,
    askAll: 'Ne plus recevoir aucun message de Communes+ ?',
    confirm: 'Me désabonner',
    confirmAll: 'Ne plus rien recevoir de Communes+',
    doneCommune: (name: string) => `C’est fait : vous ne recevrez plus les messages de la commune de ${name}.`,
    doneAll: 'C’est fait : vous ne recevrez plus aucun message de Communes+.',
    again: 'Vous pouvez suivre à nouveau une commune depuis sa page, une fois connecté.',
  },
  en: {
    title: 'Unsubscribe',
    askCommune: (name: string) => `Stop emails from the commune of ${name}?`,
    askAll: 'Stop every email from Communes+?',
    confirm: 'Unsubscribe',
    confirmAll: 'Stop every email from Communes+',
    doneCommune: (name: string) => `Done: you will no longer receive emails from the commune of ${name}.`,
    doneAll: 'Done: you will no longer receive any email from Communes+.',
    again: 'You can follow a commune again from its page once signed in.',
  },
};

/**
 * The page behind the email's link. Opening it changes nothing (mail scanners open links);
 * the button POSTs, like the one-click button of mail clients (RFC 8058).
 */
export function unsubscribeConfirmPage(view: UnsubscribeView, token: string, allToken: string): string {
  const t = TEXT[view.language];
  const forms =
    view.scope === 'commune'
      ? `<p>${escapeHtml(t.askCommune(view.communeName ?? ''))}</p>
<form method="post" action="/api/v1/unsubscribe/${escapeHtml(token)}"><button type="submit">${escapeHtml(t.confirm)}</button></form>
<form method="post" action="/api/v1/unsubscribe/${escapeHtml(allToken)}"><button type="submit">${escapeHtml(t.confirmAll)}</button></form>`
      : `<p>${escapeHtml(t.askAll)}</p>
<form method="post" action="/api/v1/unsubscribe/${escapeHtml(token)}"><button type="submit">${escapeHtml(t.confirmAll)}</button></form>`;
  return page(view.language, t.title, forms);
}

export function unsubscribeDonePage(view: UnsubscribeView): string {
  const t = TEXT[view.language];
  const done = view.scope === 'commune' ? t.doneCommune(view.communeName ?? '') : t.doneAll;
  return page(view.language, t.title, `<p role="status">${escapeHtml(done)}</p>\n<p>${escapeHtml(t.again)}</p>`);
}

function page(language: 'fr' | 'en', title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} — Communes+</title>
<style>body{font-family:Arial,Helvetica,sans-serif;font-size:1rem;line-height:1.5;color:#1a1a1a;max-width:36rem;margin:2rem auto;padding:0 1rem}
button{font-size:1rem;padding:.75rem 1rem;margin:.25rem 0;min-height:44px;color:#ffffff;background:#0b4f9c;border:0;border-radius:4px;cursor:pointer}
button:focus{outline:3px solid #f0b400;outline-offset:2px}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>
${body}
</main></body>
</html>
`;
}
