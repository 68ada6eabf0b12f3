import { Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '@communes/api-core';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  language: 'fr' | 'en';
  headers: Record<string, string>;
}

/** The mail port: the worker hands it one message at a time; a rejection means "try later". */
export abstract class MailTransport {
  abstract send(email: OutgoingEmail): Promise<void>;
  close(): void {
    // Nothing to release by default.
  }
}

/** Sends through an SMTP server (nodemailer), one pooled connection set per process. */
export class SmtpMailTransport extends MailTransport {
  private readonly transporter: Transporter;

  constructor(
    connection: string | { host: string; port: number; user?: string; pass?: string },
    private readonly from: string,
  ) {
    super();
    // Short timeouts: a dead server must fail the attempt quickly (it is retried later)
    // rather than hold the worker's database transaction.
    const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
    this.transporter =
      typeof connection === 'string'
        ? createTransport({ url: connection, ...timeouts })
        : createTransport({
            host: connection.host,
            port: connection.port,
            secure: connection.port === 465,
            auth: connection.user ? { user: connection.user, pass: connection.pass ?? '' } : undefined,
            ...timeouts,
          });
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: { 'Content-Language': email.language, ...email.headers },
    });
  }

  override close(): void {
    this.transporter.close();
  }
}

/** Development without SMTP: the message goes to the log (a warning, so that `npm start` shows it), and counts as sent. */
export class LogMailTransport extends MailTransport {
  private readonly logger = new Logger('Mail');

  async send(email: OutgoingEmail): Promise<void> {
    this.logger.warn(`(not sent: SMTP is not configured) To: ${email.to} — ${email.subject}\n${email.text}`);
  }
}

export function mailTransportFor(config: AppConfig): MailTransport {
  if (config.SMTP_URL) return new SmtpMailTransport(config.SMTP_URL, config.MAIL_FROM);
  if (config.SMTP_HOST) {
    return new SmtpMailTransport({ host: config.SMTP_HOST, port: config.SMTP_PORT, user: config.SMTP_USER, pass: config.SMTP_PASS }, config.MAIL_FROM);
  }
  if (config.NODE_ENV === 'production') {
    new Logger('Mail').warn('SMTP_URL (or SMTP_HOST) is not set: notification emails are written to the log, not sent.');
  }
  return new LogMailTransport();
}
