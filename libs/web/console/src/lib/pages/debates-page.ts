import { ChangeDetectionStrategy, Component, inject, resource, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { DebateTopicResponse } from '@communes/web-api-client';
import { ApiError } from '@communes/web-data-access';
import { DatePipe as CpDatePipe } from '@communes/web-ui';
import { formValues } from '@communes/web-auth';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { fieldErrorsOf, SessionsApi } from '../sessions-api';
import { injectCommuneSlug } from './slug';
import { injectStaffRights } from './staff-role';

/** The API's limits for a debate (DebateTopicDto), checked before sending. */
export function validateDebate(values: { title: string; body: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  const title = values.title.trim();
  const body = values.body.trim();
  if (title.length < 5 || title.length > 200) problems['title'] = 'console.debates.errors.title';
  if (body.length < 10 || body.length > 8000) problems['body'] = 'console.debates.errors.body';
  return problems;
}

/** `/console/:slug/debats`: the commune's debates; prepare one (draft or open), open, close. */
@Component({
  selector: 'cp-debates-page',
  imports: [TranslocoPipe, CpDatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['./console.css', './sessions.css'],
  template: `
    <h1>{{ 'console.debates.title' | transloco }}</h1>
    @if (status()) {
      <p class="cp-notice" role="status">{{ status() }}</p>
    }
    @if (error()) {
      <p class="cp-notice error" role="alert">{{ error() }}</p>
    }
    @if (rights().manage) {
      <section aria-labelledby="new-debate">
        <h2 id="new-debate">{{ 'console.debates.new' | transloco }}</h2>
        <form #form novalidate (submit)="$event.preventDefault(); create(form)">
          <div class="cp-field">
            <label for="debate-title">{{ 'console.debates.debateTitle' | transloco }}</label>
            <input id="debate-title" name="title" required minlength="5" maxlength="200"
              [attr.aria-invalid]="!!fieldError('title')" [attr.aria-describedby]="fieldError('title') ? 'debate-title-error' : null" />
            @if (fieldError('title')) { <p class="field-error" id="debate-title-error">{{ fieldError('title') }}</p> }
          </div>
          <div class="cp-field">
            <label for="debate-body">{{ 'console.debates.question' | transloco }}</label>
            <textarea id="debate-body" name="body" rows="5" required minlength="10" maxlength="8000"
              [attr.aria-invalid]="!!fieldError('body')" [attr.aria-describedby]="fieldError('body') ? 'debate-body-error debate-body-hint' : 'debate-body-hint'"></textarea>
            <p class="hint" id="debate-body-hint">{{ 'console.debates.questionHint' | transloco }}</p>
            @if (fieldError('body')) { <p class="field-error" id="debate-body-error">{{ fieldError('body') }}</p> }
          </div>
          <label class="choice"><input type="checkbox" name="open" checked /> {{ 'console.debates.openNow' | transloco }}</label>
          <button class="cp-button" type="submit" [disabled]="busy()">{{ 'console.debates.create' | transloco }}</button>
        </form>
      </section>
    }

    <section aria-labelledby="debate-list">
      <h2 id="debate-list">{{ 'console.debates.list' | transloco }}</h2>
      @if (debates.value(); as list) {
        @if (list.length === 0) {
          <p>{{ 'console.debates.empty' | transloco }}</p>
        }
        <ul class="sessions">
          @for (d of list; track d.id) {
            <li class="cp-card">
              <h3><a [routerLink]="[d.id]">{{ d.title }}</a></h3>
              <p class="meta"><span class="status" [class]="d.state">{{ 'console.debates.state.' + d.state | transloco }}</span> {{ 'console.debates.commentCount' | transloco: { count: d.commentCount } }}</p>
              <p class="meta">
                @if (d.openedAt) { {{ 'console.debates.openedOn' | transloco: { date: (d.openedAt | cpDate) } }} }
                @if (d.closedAt) { — {{ 'console.debates.closedOn' | transloco: { date: (d.closedAt | cpDate) } }} }
                @if (!d.openedAt) { {{ 'console.debates.createdOn' | transloco: { date: (d.createdAt | cpDate) } }} }
              </p>
              <div class="row">
                <a class="cp-button" [routerLink]="[d.id]">{{ 'console.debates.thread' | transloco }}<span class="visually-hidden"> — {{ d.title }}</span></a>
                @if (rights().manage && d.state === 'draft') {
                  <button class="cp-button cp-button--secondary" type="button" [disabled]="busy()" (click)="open(d)">{{ 'console.debates.open' | transloco }}<span class="visually-hidden"> — {{ d.title }}</span></button>
                }
                @if (rights().manage && d.state === 'open') {
                  <button class="cp-button cp-button--secondary" type="button" [disabled]="busy()" (click)="close(d)">{{ 'console.debates.close' | transloco }}<span class="visually-hidden"> — {{ d.title }}</span></button>
                }
              </div>
            </li>
          }
        </ul>
      } @else if (debates.isLoading()) {
        <p>{{ 'common.loading' | transloco }}</p>
      }
    </section>
  `,
})
export class DebatesPage {
  private readonly api = inject(SessionsApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly slug = injectCommuneSlug();
  protected readonly rights = injectStaffRights(this.slug);
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly error = signal('');
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly debates = resource({ loader: () => this.api.debates(this.slug) });

  protected fieldError(field: string): string | null {
    const message = this.errors()[field];
    return message ? this.transloco.translate(message) : null;
  }

  protected create(form: HTMLFormElement): Promise<void> {
    const values = formValues(form);
    const input = { title: values['title'] ?? '', body: values['body'] ?? '', open: values['open'] === 'on' };
    this.errors.set(validateDebate(input));
    if (Object.keys(this.errors()).length) {
      document.getElementById(this.errors()['title'] ? 'debate-title' : 'debate-body')?.focus();
      return Promise.resolve();
    }
    return this.run(async () => {
      const created = await this.api.createDebate(this.slug, input);
      form.reset();
      this.status.set(this.transloco.translate(created.state === 'open' ? 'console.debates.opened' : 'console.debates.drafted', { title: created.title }));
    });
  }

  protected open(debate: DebateTopicResponse): Promise<void> {
    return this.run(async () => {
      await this.api.openDebate(this.slug, debate.id);
      this.status.set(this.transloco.translate('console.debates.opened', { title: debate.title }));
    });
  }

  protected close(debate: DebateTopicResponse): Promise<void> {
    if (!confirm(this.transloco.translate('console.debates.confirmClose', { title: debate.title }))) return Promise.resolve();
    return this.run(async () => {
      await this.api.closeDebate(this.slug, debate.id);
      this.status.set(this.transloco.translate('console.debates.closed', { title: debate.title }));
    });
  }

  private async run(task: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    this.status.set('');
    try {
      await task();
      this.debates.reload();
    } catch (error) {
      const fields = fieldErrorsOf(error);
      const detail = error instanceof ApiError ? (error.detail ?? this.transloco.translate('errors.server')) : this.transloco.translate('errors.unexpected');
      this.error.set(this.transloco.translate('console.error', { detail: Object.values(fields).join(' ') || detail }));
    } finally {
      this.busy.set(false);
    }
  }
}
