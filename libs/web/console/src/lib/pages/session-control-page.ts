import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, resource, signal } from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { CouncilSessionDetailResponse, SessionQuestionResponse } from '@communes/web-api-client';
import { ApiError } from '@communes/web-data-access';
import { DatePipe as CpDatePipe } from '@communes/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { formValues } from '@communes/web-auth';
import { followSession, type LiveMode } from '../session-live';
import { SessionsApi, type SessionDocumentRole } from '../sessions-api';
import { sessionActions } from './session-form';
import { injectCommuneSlug } from './slug';
import { injectStaffRights } from './staff-role';

export type QuestionFilter = 'pending' | 'answered' | 'hidden' | 'all';

/** Questions in a filter: pending ones (neither answered nor hidden) are what the room works on. */
export function filterQuestions(questions: readonly SessionQuestionResponse[], filter: QuestionFilter): SessionQuestionResponse[] {
  switch (filter) {
    case 'pending':
      return questions.filter((q) => !q.answered && !q.hidden);
    case 'answered':
      return questions.filter((q) => q.answered && !q.hidden);
    case 'hidden':
      return questions.filter((q) => q.hidden);
    default:
      return [...questions];
  }
}

/**
 * `/console/:slug/seances/:id`, the control room (régie): publish, go live, end or cancel the
 * session; the questions arrive live (server-sent events, polling when they fail), staff answer
 * or hide them with a reason. Once ended: attach the minutes, deliberations and media, and write
 * the summary.
 */
@Component({
  selector: 'cp-session-control-page',
  imports: [TranslocoPipe, CpDatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['./console.css', './sessions.css'],
  template: `
    <p><a routerLink="..">{{ 'console.sessions.back' | transloco }}</a></p>
    @if (error()) {
      <p class="cp-notice error" role="alert">{{ error() }}</p>
    }
    @if (status()) {
      <p class="cp-notice" role="status">{{ status() }}</p>
    }
    @if (session.value(); as s) {
      <h1>{{ s.title }}</h1>
      <p class="meta">
        <span class="status" [class]="s.status" id="session-status">{{ 'console.sessions.status.' + s.status | transloco }}</span>
        {{ 'console.sessions.kinds.' + s.kind | transloco }}@if (s.sessionType) { — {{ 'console.sessions.types.' + s.sessionType | transloco }} }
      </p>
      <p class="meta">{{ s.startsAt | cpDate: 'datetime' }}@if (s.place) { — {{ s.place }} }</p>
      @if (s.streamUrl) {
        <p class="meta"><a [href]="s.streamUrl" target="_blank" rel="noopener">{{ 'console.sessions.control.stream' | transloco }}</a></p>
      }
      @if (s.cancellationReason) {
        <p class="meta">{{ 'console.sessions.control.cancelledBecause' | transloco: { reason: s.cancellationReason } }}</p>
      }

      @if (rights().manage) {
        <section aria-labelledby="control-title" class="cp-card">
          <h2 id="control-title">{{ 'console.sessions.control.title' | transloco }}</h2>
          @if (s.status === 'draft') {
            <p>{{ 'console.sessions.control.draftHint' | transloco }}</p>
          }
          <div class="row">
            @if (actions().publish) {
              <button class="cp-button" type="button" [disabled]="busy()" (click)="publish()">{{ 'console.sessions.publish' | transloco }}</button>
            }
            @if (actions().goLive) {
              <button class="cp-button" type="button" [disabled]="busy()" (click)="setStatus('live')">{{ 'console.sessions.control.goLive' | transloco }}</button>
            }
            @if (actions().end) {
              <button class="cp-button" type="button" [disabled]="busy()" (click)="setStatus('ended')">{{ 'console.sessions.control.end' | transloco }}</button>
            }
            @if (actions().cancel) {
              <button class="cp-button cp-button--secondary" type="button" [attr.aria-expanded]="cancelling()" (click)="cancelling.set(!cancelling())">{{ 'console.sessions.control.cancel' | transloco }}</button>
            }
          </div>
          @if (cancelling()) {
            <form #cancelForm (submit)="$event.preventDefault(); cancel(cancelForm)">
              <div class="cp-field">
                <label for="cancel-reason">{{ 'console.sessions.control.cancelReason' | transloco }}</label>
                <input id="cancel-reason" name="reason" required minlength="3" maxlength="1000" />
              </div>
              <button class="cp-button" type="submit" [disabled]="busy()">{{ 'console.sessions.control.confirmCancel' | transloco }}</button>
            </form>
          }
        </section>
      }
      @if (liveMode() !== 'off') {
        <p class="hint">{{ 'console.sessions.control.mode.' + liveMode() | transloco }}</p>
      }

      @if (s.agenda.length) {
        <section aria-labelledby="agenda-title">
          <h2 id="agenda-title">{{ 'console.sessions.form.agenda' | transloco }}</h2>
          <ol>
            @for (item of s.agenda; track item.position) {
              <li>
                <strong>{{ item.title }}</strong>
                @if (item.documents.length) {
                  <ul>
                    @for (d of item.documents; track d.documentId) { <li>{{ d.title }}</li> }
                  </ul>
                }
              </li>
            }
          </ol>
        </section>
      }

      <section aria-labelledby="questions-title">
        <h2 id="questions-title">{{ 'console.sessions.questions.title' | transloco: { count: s.questions.length } }}</h2>
        <p class="visually-hidden" aria-live="polite">{{ arrivals() }}</p>
        <div class="row" role="group" [attr.aria-label]="'console.sessions.questions.filter' | transloco">
          @for (f of filters; track f) {
            <button class="cp-button" type="button" [class.cp-button--secondary]="filter() !== f" [attr.aria-pressed]="filter() === f" (click)="filter.set(f)">
              {{ 'console.sessions.questions.filters.' + f | transloco }} ({{ count(s, f) }})
            </button>
          }
        </div>
        @if (visibleQuestions().length === 0) {
          <p>{{ 'console.sessions.questions.none' | transloco }}</p>
        }
        <ul class="questions">
          @for (q of visibleQuestions(); track q.id) {
            <li class="cp-card" [class.hidden-item]="q.hidden">
              <p>{{ q.text }}</p>
              <p class="meta">{{ q.authorName ?? ('console.sessions.questions.anonymous' | transloco) }} — {{ q.createdAt | cpDate: 'datetime' }}</p>
              @if (q.answered) {
                <p><span class="status">{{ 'console.sessions.questions.answered' | transloco }}</span> {{ q.answer }}</p>
              }
              @if (q.hidden) {
                <p><span class="status">{{ 'console.sessions.questions.hidden' | transloco }}</span> {{ q.hiddenReason }}</p>
              }
              @if (!q.hidden) {
                <div class="row">
                  @if (rights().manage) {
                    <button class="cp-button cp-button--secondary" type="button" [attr.aria-expanded]="open()?.id === q.id && open()?.action === 'answer'" (click)="toggle(q, 'answer')">
                      {{ (q.answered ? 'console.sessions.questions.editAnswer' : 'console.sessions.questions.answer') | transloco }}<span class="visually-hidden"> — {{ q.text }}</span>
                    </button>
                  }
                  <button class="cp-button cp-button--secondary" type="button" [attr.aria-expanded]="open()?.id === q.id && open()?.action === 'hide'" (click)="toggle(q, 'hide')">
                    {{ 'console.sessions.questions.hide' | transloco }}<span class="visually-hidden"> — {{ q.text }}</span>
                  </button>
                </div>
                @if (open()?.id === q.id && open()?.action === 'answer') {
                  <form #answerForm (submit)="$event.preventDefault(); answer(q, answerForm)">
                    <div class="cp-field">
                      <label [for]="'answer-' + q.id">{{ 'console.sessions.questions.answerLabel' | transloco }}</label>
                      <textarea [id]="'answer-' + q.id" name="answer" rows="3" maxlength="2000" [attr.aria-describedby]="'answer-hint-' + q.id" [value]="q.answer ?? ''"></textarea>
                      <p class="hint" [id]="'answer-hint-' + q.id">{{ 'console.sessions.questions.answerHint' | transloco }}</p>
                    </div>
                    <button class="cp-button" type="submit" [disabled]="busy()">{{ 'console.sessions.questions.markAnswered' | transloco }}</button>
                  </form>
                }
                @if (open()?.id === q.id && open()?.action === 'hide') {
                  <form #hideForm (submit)="$event.preventDefault(); hide(q, hideForm)">
                    <div class="cp-field">
                      <label [for]="'hide-' + q.id">{{ 'console.sessions.questions.hideReason' | transloco }}</label>
                      <input [id]="'hide-' + q.id" name="reason" required minlength="3" maxlength="500" />
                    </div>
                    <button class="cp-button" type="submit" [disabled]="busy()">{{ 'console.sessions.questions.confirmHide' | transloco }}</button>
                  </form>
                }
              }
            </li>
          }
        </ul>
      </section>

      @if (rights().manage && s.status !== 'draft' && s.status !== 'cancelled') {
        <section aria-labelledby="documents-title">
          <h2 id="documents-title">{{ 'console.sessions.after.documents' | transloco }}</h2>
          @if (!actions().afterwards) {
            <p class="hint">{{ 'console.sessions.after.onlyMedia' | transloco }}</p>
          }
          @if (s.documents.length) {
            <ul class="attached">
              @for (d of s.documents; track d.documentId + d.role) {
                <li>
                  <span class="status">{{ 'console.sessions.after.roles.' + d.role | transloco }}</span> {{ d.title }}
                  <button class="cp-button cp-button--secondary small" type="button" [disabled]="busy()" (click)="unlink(d.role, d.documentId)">
                    {{ 'console.sessions.form.detach' | transloco }}<span class="visually-hidden"> — {{ d.title }}</span>
                  </button>
                </li>
              }
            </ul>
          } @else {
            <p>{{ 'console.sessions.after.noDocuments' | transloco }}</p>
          }
          @if (documents.value()?.length) {
            <form class="row" #linkForm (submit)="$event.preventDefault(); link(linkForm)">
              <div class="cp-field">
                <label for="link-role">{{ 'console.sessions.after.role' | transloco }}</label>
                <select id="link-role" name="role">
                  @for (r of roles(); track r) {
                    <option [value]="r">{{ 'console.sessions.after.roles.' + r | transloco }}</option>
                  }
                </select>
              </div>
              <div class="cp-field">
                <label for="link-document">{{ 'console.sessions.after.document' | transloco }}</label>
                <select id="link-document" name="documentId">
                  @for (doc of documents.value(); track doc.id) {
                    <option [value]="doc.id">{{ doc.title }}</option>
                  }
                </select>
              </div>
              <button class="cp-button" type="submit" [disabled]="busy()">{{ 'console.sessions.form.attach' | transloco }}</button>
            </form>
          } @else if (documents.hasValue()) {
            <p class="hint">{{ 'console.sessions.after.publishFirst' | transloco }}</p>
          }
        </section>
      }

      @if (rights().manage && actions().afterwards) {
        <section aria-labelledby="summary-title">
          <h2 id="summary-title">{{ 'console.sessions.after.summary' | transloco }}</h2>
          <form #summaryForm (submit)="$event.preventDefault(); saveSummary(summaryForm)">
            <div class="cp-field">
              <label for="session-summary">{{ 'console.sessions.after.summaryLabel' | transloco }}</label>
              <textarea id="session-summary" name="summary" rows="8" maxlength="20000" [value]="s.summary ?? ''"></textarea>
            </div>
            <button class="cp-button" type="submit" [disabled]="busy()">{{ 'console.sessions.after.saveSummary' | transloco }}</button>
          </form>
        </section>
      }
    } @else if (session.isLoading()) {
      <p>{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class SessionControlPage {
  private readonly api = inject(SessionsApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly slug = injectCommuneSlug();
  protected readonly rights = injectStaffRights(this.slug);
  private readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
  protected readonly filters: QuestionFilter[] = ['pending', 'answered', 'hidden', 'all'];
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly error = signal('');
  protected readonly cancelling = signal(false);
  protected readonly filter = signal<QuestionFilter>('pending');
  protected readonly open = signal<{ id: string; action: 'answer' | 'hide' } | null>(null);
  protected readonly liveMode = signal<LiveMode>('off');
  protected readonly arrivals = signal('');
  protected readonly session = resource({ loader: () => this.api.session(this.slug, this.id) });
  protected readonly documents = resource({ loader: () => this.api.publishedDocuments(this.slug) });
  protected readonly actions = computed(() => sessionActions(this.session.value()?.status ?? 'draft'));
  protected readonly visibleQuestions = computed(() => filterQuestions(this.session.value()?.questions ?? [], this.filter()));
  /** Minutes and deliberations once ended; photos and videos at any time. */
  protected readonly roles = computed<SessionDocumentRole[]>(() => (this.actions().afterwards ? ['minutes', 'deliberation', 'media'] : ['media']));
  private seenQuestions: number | null = null;
  private stopFollowing: (() => void) | null = null;

  constructor() {
    // Follow the session while it can change live (scheduled or live); stop once it ended.
    effect(() => {
      const current = this.session.value();
      const followable = current?.status === 'scheduled' || current?.status === 'live';
      if (followable && !this.stopFollowing) {
        this.stopFollowing = followSession({
          url: `${this.api.root}/api/v1/communes/${encodeURIComponent(this.slug)}/council-sessions/${encodeURIComponent(this.id)}/events`,
          changed: () => this.session.reload(),
          mode: (mode) => this.liveMode.set(mode),
        });
      } else if (!followable && current && this.stopFollowing) {
        this.stopFollowing();
        this.stopFollowing = null;
      }
      this.announceArrivals(current);
    });
    inject(DestroyRef).onDestroy(() => this.stopFollowing?.());
  }

  protected count(session: CouncilSessionDetailResponse, filter: QuestionFilter): number {
    return filterQuestions(session.questions, filter).length;
  }

  protected toggle(question: SessionQuestionResponse, action: 'answer' | 'hide'): void {
    const current = this.open();
    this.open.set(current?.id === question.id && current.action === action ? null : { id: question.id, action });
  }

  protected publish(): Promise<void> {
    return this.change(() => this.api.publishSession(this.slug, this.id), 'console.sessions.control.published');
  }

  protected setStatus(status: 'live' | 'ended'): Promise<void> {
    return this.change(() => this.api.changeStatus(this.slug, this.id, status), `console.sessions.control.now.${status}`);
  }

  protected cancel(form: HTMLFormElement): Promise<void> {
    return this.change(async () => {
      const updated = await this.api.changeStatus(this.slug, this.id, 'cancelled', formValues(form)['reason']);
      this.cancelling.set(false);
      return updated;
    }, 'console.sessions.control.now.cancelled');
  }

  protected answer(question: SessionQuestionResponse, form: HTMLFormElement): Promise<void> {
    return this.run(async () => {
      await this.api.answerQuestion(this.slug, this.id, question.id, formValues(form)['answer'] ?? '');
      this.open.set(null);
      this.status.set(this.transloco.translate('console.sessions.questions.markedAnswered'));
      this.session.reload();
    });
  }

  protected hide(question: SessionQuestionResponse, form: HTMLFormElement): Promise<void> {
    return this.run(async () => {
      await this.api.hideQuestion(this.slug, this.id, question.id, formValues(form)['reason']);
      this.open.set(null);
      this.status.set(this.transloco.translate('console.sessions.questions.wasHidden'));
      this.session.reload();
    });
  }

  protected link(form: HTMLFormElement): Promise<void> {
    const values = formValues(form);
    return this.change(() => this.api.linkDocument(this.slug, this.id, values['role'] as SessionDocumentRole, values['documentId']), 'console.sessions.after.linked');
  }

  protected unlink(role: string, documentId: string): Promise<void> {
    return this.change(() => this.api.unlinkDocument(this.slug, this.id, role as SessionDocumentRole, documentId), 'console.sessions.after.unlinked');
  }

  protected saveSummary(form: HTMLFormElement): Promise<void> {
    const summary = formValues(form)['summary'] ?? '';
    return this.change(() => this.api.setSummary(this.slug, this.id, summary || null), 'console.sessions.after.summarySaved');
  }

  /** Runs a change whose answer is the whole session, shown at once. */
  private change(task: () => Promise<CouncilSessionDetailResponse>, done: string): Promise<void> {
    return this.run(async () => {
      this.session.set(await task());
      this.status.set(this.transloco.translate(done));
    });
  }

  private announceArrivals(session: CouncilSessionDetailResponse | undefined): void {
    if (!session) return;
    const total = session.questions.length;
    if (this.seenQuestions !== null && total > this.seenQuestions) {
      this.arrivals.set(this.transloco.translate('console.sessions.questions.arrived', { count: total - this.seenQuestions }));
    }
    this.seenQuestions = total;
  }

  private async run(task: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    this.status.set('');
    try {
      await task();
    } catch (error) {
      const detail = error instanceof ApiError ? (error.detail ?? this.transloco.translate('errors.server')) : this.transloco.translate('errors.unexpected');
      this.error.set(this.transloco.translate('console.error', { detail }));
    } finally {
      this.busy.set(false);
    }
  }
}
