import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { GOOD_PRACTICE_LIMITS } from '@communes/shared-contracts';
import type { GoodPracticeResponse } from '@communes/web-api-client';
import { DatePipe as CpDatePipe, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { GoodPracticesApi, type ReviewDecision } from '../good-practices-api';
import { errorKey, problemDetail } from '../shared/practice-text';
import { PracticeView } from './practice-view';

/**
 * `/ancb/bonnes-pratiques/:slug/:id`: ANCB reads a practice, then decides below it: publish, ask
 * for changes or reject (a comment required for the last two), or take a published one off.
 */
@Component({
  selector: 'cp-review-page',
  imports: [TranslocoPipe, RouterLink, CpDatePipe, LoadFailure, PracticeView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/practices.css',
  template: `
    <a class="back" routerLink="/ancb/bonnes-pratiques">{{ 'practices.review.back' | transloco }}</a>
    @if (loaded.error()) {
      <cp-load-failure [heading]="'practices.practice.loadError' | transloco" [error]="loaded.error()" (retry)="loaded.reload()" />
    } @else if (practice(); as p) {
      <h1>{{ p.title }}</h1>
      <p class="meta"><span [class]="'badge ' + p.status">{{ 'practices.status.' + p.status | transloco }}</span></p>

      @if (communeNote(); as note) {
        <h2>{{ 'practices.review.communeNote' | transloco }}</h2>
        <blockquote>{{ note }}</blockquote>
      }
      <cp-practice-view [practice]="p" />

      <p role="status">{{ message() }}</p>
      @if (error()) {
        <p class="cp-notice error" role="alert">{{ error() }}</p>
      }

      @if (p.status === 'submitted' || p.status === 'published') {
        <section aria-labelledby="review-decision-title" class="cp-card">
          <h2 id="review-decision-title">{{ (p.status === 'published' ? 'practices.review.unpublishTitle' : 'practices.review.decision') | transloco }}</h2>
          <form #decisionForm (submit)="$event.preventDefault()">
            <div class="cp-field">
              <label for="review-comment">{{ 'practices.review.comment' | transloco }}</label>
              <p class="hint" id="review-comment-hint">{{ 'practices.review.commentHint' | transloco }}</p>
              <textarea id="review-comment" name="comment" rows="4" [attr.maxlength]="commentMax" aria-describedby="review-comment-hint"></textarea>
            </div>
            <div class="actions">
              @if (p.status === 'submitted') {
                <button class="cp-button" type="button" [disabled]="busy()" (click)="decide('publish', decisionForm)">{{ 'practices.review.publish' | transloco }}</button>
                <button class="cp-button cp-button--secondary" type="button" [disabled]="busy()" (click)="decide('request-changes', decisionForm)">{{ 'practices.review.requestChanges' | transloco }}</button>
                <button class="cp-button cp-button--secondary" type="button" [disabled]="busy()" (click)="decide('reject', decisionForm)">{{ 'practices.review.reject' | transloco }}</button>
              } @else {
                <button class="cp-button cp-button--secondary" type="button" [disabled]="busy()" (click)="decide('unpublish', decisionForm)">{{ 'practices.review.unpublish' | transloco }}</button>
              }
            </div>
          </form>
        </section>
      } @else {
        <p>{{ 'practices.review.nothingToDecide' | transloco }}</p>
      }

      <section aria-labelledby="review-history-title">
        <h2 id="review-history-title">{{ 'practices.console.history' | transloco }}</h2>
        <ol class="timeline">
          @for (r of p.reviews; track r.id) {
            <li>
              <strong>{{ 'practices.action.' + r.action | transloco }}</strong>
              <span class="meta">{{ r.createdAt | cpDate: 'datetime' }}</span>
              @if (r.comment) {
                <blockquote>{{ r.comment }}</blockquote>
              }
            </li>
          }
        </ol>
      </section>
    } @else {
      <p role="status">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class ReviewPage {
  private readonly api = inject(GoodPracticesApi);
  private readonly transloco = inject(TranslocoService);
  private readonly params = inject(ActivatedRoute).snapshot.paramMap;
  protected readonly slug = this.params.get('slug') ?? '';
  protected readonly id = this.params.get('id') ?? '';
  protected readonly commentMax = GOOD_PRACTICE_LIMITS.comment.max;
  protected readonly loaded = resource({ loader: () => this.api.get(this.slug, this.id) });
  private readonly changed = signal<GoodPracticeResponse | null>(null);
  protected readonly practice = computed(() => this.changed() ?? (this.loaded.hasValue() ? this.loaded.value() : null));
  /** The note the commune sent with its latest submission, if any (what changed, for instance). */
  protected readonly communeNote = computed(() => {
    const practice = this.practice();
    const last = practice?.reviews[practice.reviews.length - 1];
    return practice?.status === 'submitted' && last?.action === 'submitted' ? last.comment : null;
  });
  protected readonly busy = signal(false);
  protected readonly message = signal('');
  protected readonly error = signal('');

  protected async decide(decision: ReviewDecision, form: HTMLFormElement): Promise<void> {
    const comment = (new FormData(form).get('comment') ?? '').toString().trim();
    this.message.set('');
    if (decision !== 'publish' && comment.length < GOOD_PRACTICE_LIMITS.comment.min) {
      this.error.set(this.transloco.translate('practices.review.commentNeeded'));
      form.querySelector('textarea')?.focus();
      return;
    }
    this.busy.set(true);
    this.error.set('');
    try {
      this.changed.set(await this.api.decide(this.slug, this.id, decision, comment));
      this.message.set(this.transloco.translate(`practices.review.done.${decision}`));
      form.reset();
    } catch (error) {
      this.error.set(problemDetail(error) ?? this.transloco.translate(errorKey(error)));
    } finally {
      this.busy.set(false);
    }
  }
}
