import { ChangeDetectionStrategy, Component, inject, resource, signal } from '@angular/core';
import type { AgendaEventResponse } from '@communes/web-api-client';
import { ApiError } from '@communes/web-data-access';
import { DatePipe as CpDatePipe } from '@communes/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ConsoleApi } from '../console-api';
import { formValues } from '@communes/web-auth';
import { injectCommuneSlug } from './slug';

/** The mayor's agenda: add an event (draft or published), publish, cancel with a public reason. */
@Component({
  selector: 'cp-agenda-page',
  imports: [TranslocoPipe, CpDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './console.css',
  template: `
    <h1>{{ 'console.agenda.title' | transloco }}</h1>
    @if (error()) {
      <p class="cp-notice error" role="alert">{{ error() }}</p>
    }
    <form #form (submit)="$event.preventDefault(); create(form)">
      <div class="cp-field">
        <label for="event-title">{{ 'console.agenda.eventTitle' | transloco }}</label>
        <input id="event-title" name="title" required maxlength="300" />
      </div>
      <div class="row">
        <div class="cp-field">
          <label for="event-start">{{ 'console.agenda.startsAt' | transloco }}</label>
          <input id="event-start" name="startsAt" type="datetime-local" required />
        </div>
        <div class="cp-field">
          <label for="event-location">{{ 'console.agenda.location' | transloco }}</label>
          <input id="event-location" name="location" maxlength="300" />
        </div>
      </div>
      <label><input type="checkbox" name="publish" checked /> {{ 'console.agenda.publishNow' | transloco }}</label>
      <button class="cp-button" type="submit" [disabled]="busy()">{{ 'console.agenda.create' | transloco }}</button>
    </form>
    @if (events.value(); as list) {
      @if (list.length === 0) {
        <p>{{ 'console.agenda.empty' | transloco }}</p>
      }
      <ul class="events">
        @for (event of list; track event.id) {
          <li class="cp-card">
            <strong>{{ event.title }}</strong> <span class="status">{{ 'console.agenda.state.' + event.state | transloco }}</span>
            <p>{{ event.startsAt | cpDate: 'datetime' }} {{ event.location }}</p>
            <div class="row">
              @if (event.state === 'draft') {
                <button class="cp-button" type="button" (click)="publish(event)">{{ 'console.agenda.publish' | transloco }}</button>
              }
              @if (event.state === 'published') {
                <button class="cp-button cp-button--secondary" type="button" (click)="cancelling.set(event.id)">{{ 'console.agenda.cancel' | transloco }}</button>
              }
            </div>
            @if (cancelling() === event.id) {
              <form class="row" #cancelForm (submit)="$event.preventDefault(); cancel(event, cancelForm)">
                <div class="cp-field">
                  <label [for]="'cancel-' + event.id">{{ 'console.agenda.cancelReason' | transloco }}</label>
                  <input [id]="'cancel-' + event.id" name="reason" required />
                </div>
                <button class="cp-button" type="submit" [disabled]="busy()">{{ 'console.agenda.cancel' | transloco }}</button>
              </form>
            }
          </li>
        }
      </ul>
    }
  `,
})
export class AgendaPage {
  private readonly api = inject(ConsoleApi);
  private readonly transloco = inject(TranslocoService);
  private readonly slug = injectCommuneSlug();
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly cancelling = signal<string | null>(null);
  protected readonly events = resource({ loader: () => this.api.agenda(this.slug) });

  protected create(form: HTMLFormElement): Promise<void> {
    const values = formValues(form);
    return this.run(async () => {
      await this.api.createEvent(this.slug, {
        title: values['title'],
        startsAt: new Date(values['startsAt']).toISOString(),
        location: values['location'] || undefined,
        publish: values['publish'] === 'on',
      });
      form.reset();
    });
  }

  protected publish(event: AgendaEventResponse): Promise<void> {
    return this.run(() => this.api.publishEvent(this.slug, event.id));
  }

  protected cancel(event: AgendaEventResponse, form: HTMLFormElement): Promise<void> {
    return this.run(async () => {
      await this.api.cancelEvent(this.slug, event.id, formValues(form)['reason']);
      this.cancelling.set(null);
    });
  }

  private async run(task: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      await task();
      this.events.reload();
    } catch (error) {
      const detail = error instanceof ApiError ? (error.detail ?? this.transloco.translate('errors.server')) : this.transloco.translate('errors.unexpected');
      this.error.set(this.transloco.translate('console.error', { detail }));
    } finally {
      this.busy.set(false);
    }
  }
}
