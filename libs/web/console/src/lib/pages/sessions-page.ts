import { ChangeDetectionStrategy, Component, inject, resource, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CouncilSessionDetailResponse, CouncilSessionResponse } from '@communes/web-api-client';
import { ApiError } from '@communes/web-data-access';
import { DatePipe as CpDatePipe } from '@communes/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { SessionsApi } from '../sessions-api';
import { SessionEditor } from './session-editor';
import { sessionActions } from './session-form';
import { injectCommuneSlug } from './slug';
import { injectStaffRights } from './staff-role';

/**
 * `/console/:slug/seances`: council sessions and accountability sessions (reddition de comptes):
 * upcoming (live ones first, drafts included) and past; schedule one, change it, publish it,
 * delete a draft; each opens its control room.
 */
@Component({
  selector: 'cp-sessions-page',
  imports: [TranslocoPipe, CpDatePipe, RouterLink, SessionEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['./console.css', './sessions.css'],
  template: `
    <h1>{{ 'console.sessions.title' | transloco }}</h1>
    @if (status()) {
      <p class="cp-notice" role="status">{{ status() }}</p>
    }
    @if (error()) {
      <p class="cp-notice error" role="alert">{{ error() }}</p>
    }

    @if (editing(); as target) {
      <section aria-labelledby="session-form-title">
        <h2 id="session-form-title">{{ (target === 'new' ? 'console.sessions.new' : 'console.sessions.edit') | transloco: { title: target === 'new' ? '' : target.title } }}</h2>
        <cp-session-editor [slug]="slug" [session]="target === 'new' ? null : target" headingId="session-form-title" (saved)="saved($event)" (cancelled)="editing.set(null)" />
      </section>
    } @else if (rights().manage) {
      <button class="cp-button" type="button" (click)="editing.set('new')">{{ 'console.sessions.schedule' | transloco }}</button>
    }

    <section aria-labelledby="upcoming-title">
      <h2 id="upcoming-title">{{ 'console.sessions.upcoming' | transloco }}</h2>
      @if (upcoming.value(); as sessions) {
        @if (sessions.length === 0) {
          <p>{{ 'console.sessions.noneUpcoming' | transloco }}</p>
        }
        <ul class="sessions">
          @for (s of sessions; track s.id) {
            <li class="cp-card">
              <h3><a [routerLink]="[s.id]">{{ s.title }}</a></h3>
              <p class="meta">
                <span class="status" [class]="s.status">{{ 'console.sessions.status.' + s.status | transloco }}</span>
                {{ 'console.sessions.kinds.' + s.kind | transloco }}@if (s.sessionType) { — {{ 'console.sessions.types.' + s.sessionType | transloco }} }
              </p>
              <p class="meta">{{ s.startsAt | cpDate: 'datetime' }}@if (s.place) { — {{ s.place }} }</p>
              <p class="meta">{{ 'console.sessions.questionCount' | transloco: { count: s.questionCount } }}</p>
              <div class="row">
                <a class="cp-button" [routerLink]="[s.id]">
                  {{ (s.status === 'live' ? 'console.sessions.openControl' : 'console.sessions.open') | transloco }}<span class="visually-hidden"> — {{ s.title }}</span>
                </a>
                @if (rights().manage && actions(s).edit) {
                  <button class="cp-button cp-button--secondary" type="button" (click)="edit(s)">{{ 'console.sessions.editAction' | transloco }}<span class="visually-hidden"> — {{ s.title }}</span></button>
                }
                @if (rights().manage && actions(s).publish) {
                  <button class="cp-button cp-button--secondary" type="button" [disabled]="busy()" (click)="publish(s)">{{ 'console.sessions.publish' | transloco }}<span class="visually-hidden"> — {{ s.title }}</span></button>
                }
                @if (rights().manage && actions(s).remove) {
                  <button class="cp-button cp-button--secondary" type="button" [disabled]="busy()" (click)="remove(s)">{{ 'console.sessions.delete' | transloco }}<span class="visually-hidden"> — {{ s.title }}</span></button>
                }
              </div>
            </li>
          }
        </ul>
      } @else if (upcoming.isLoading()) {
        <p>{{ 'common.loading' | transloco }}</p>
      }
    </section>

    <section aria-labelledby="past-title">
      <h2 id="past-title">{{ 'console.sessions.past' | transloco }}</h2>
      @if (past.value(); as sessions) {
        @if (sessions.length === 0) {
          <p>{{ 'console.sessions.nonePast' | transloco }}</p>
        }
        <ul class="sessions">
          @for (s of sessions; track s.id) {
            <li class="cp-card">
              <h3><a [routerLink]="[s.id]">{{ s.title }}</a></h3>
              <p class="meta">
                <span class="status" [class]="s.status">{{ 'console.sessions.status.' + s.status | transloco }}</span>
                {{ 'console.sessions.kinds.' + s.kind | transloco }} — {{ s.startsAt | cpDate: 'datetime' }}
              </p>
              @if (s.status === 'ended' && !s.summary) {
                <p class="meta">{{ 'console.sessions.summaryMissing' | transloco }}</p>
              }
              <a class="cp-button cp-button--secondary" [routerLink]="[s.id]">
                {{ (s.status === 'ended' ? 'console.sessions.afterwards' : 'console.sessions.open') | transloco }}<span class="visually-hidden"> — {{ s.title }}</span>
              </a>
            </li>
          }
        </ul>
      } @else if (past.isLoading()) {
        <p>{{ 'common.loading' | transloco }}</p>
      }
    </section>
  `,
})
export class SessionsPage {
  private readonly api = inject(SessionsApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly slug = injectCommuneSlug();
  protected readonly rights = injectStaffRights(this.slug);
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly error = signal('');
  /** 'new', the session being changed, or null (form closed). */
  protected readonly editing = signal<'new' | CouncilSessionDetailResponse | null>(null);
  protected readonly upcoming = resource({ loader: () => this.api.sessions(this.slug, 'upcoming') });
  protected readonly past = resource({ loader: () => this.api.sessions(this.slug, 'past') });

  protected actions(session: CouncilSessionResponse) {
    return sessionActions(session.status);
  }

  protected edit(session: CouncilSessionResponse): Promise<void> {
    return this.run(async () => {
      this.editing.set(await this.api.session(this.slug, session.id));
      setTimeout(() => document.getElementById('session-form-title')?.scrollIntoView());
    });
  }

  protected saved(session: CouncilSessionDetailResponse): void {
    this.editing.set(null);
    this.status.set(this.transloco.translate(session.status === 'draft' ? 'console.sessions.savedDraft' : 'console.sessions.saved', { title: session.title }));
    this.reload();
  }

  protected publish(session: CouncilSessionResponse): Promise<void> {
    return this.run(async () => {
      await this.api.publishSession(this.slug, session.id);
      this.status.set(this.transloco.translate('console.sessions.published', { title: session.title }));
    });
  }

  protected remove(session: CouncilSessionResponse): Promise<void> {
    if (!confirm(this.transloco.translate('console.sessions.confirmDelete', { title: session.title }))) return Promise.resolve();
    return this.run(async () => {
      await this.api.deleteSession(this.slug, session.id);
      this.status.set(this.transloco.translate('console.sessions.deleted', { title: session.title }));
    });
  }

  private reload(): void {
    this.upcoming.reload();
    this.past.reload();
  }

  private async run(task: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    this.status.set('');
    try {
      await task();
      this.reload();
    } catch (error) {
      const detail = error instanceof ApiError ? (error.detail ?? this.transloco.translate('errors.server')) : this.transloco.translate('errors.unexpected');
      this.error.set(this.transloco.translate('console.error', { detail }));
    } finally {
      this.busy.set(false);
    }
  }
}
