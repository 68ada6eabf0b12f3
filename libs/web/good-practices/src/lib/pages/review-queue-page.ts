import { ChangeDetectionStrategy, Component, inject, resource, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { GoodPracticeStatus } from '@communes/shared-contracts';
import { DatePipe as CpDatePipe, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { GoodPracticesApi } from '../good-practices-api';

type ReviewedStatus = Exclude<GoodPracticeStatus, 'draft'>;

/** `/ancb/bonnes-pratiques`: practices of every commune waiting for ANCB (or by another status). */
@Component({
  selector: 'cp-review-queue-page',
  imports: [TranslocoPipe, RouterLink, CpDatePipe, LoadFailure],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/practices.css',
  template: `
    <a class="back" routerLink="/ancb">← ANCB</a>
    <h1>{{ 'practices.review.title' | transloco }}</h1>
    <p>{{ 'practices.review.intro' | transloco }}</p>
    <div class="cp-field">
      <label for="review-status">{{ 'practices.review.status' | transloco }}</label>
      <select id="review-status" (change)="status.set($any($event.target).value)">
        @for (s of statuses; track s) {
          <option [value]="s" [selected]="status() === s">{{ 'practices.status.' + s | transloco }}</option>
        }
      </select>
    </div>
    @if (queue.error()) {
      <cp-load-failure [heading]="'practices.review.loadError' | transloco" [error]="queue.error()" (retry)="queue.reload()" />
    } @else if (queue.hasValue()) {
      <p role="status">
        @if (queue.value().length === 0) {
          {{ 'practices.review.none' | transloco }}
        }
      </p>
      <ul class="list">
        @for (p of queue.value(); track p.id) {
          <li class="cp-card">
            <h2><a [routerLink]="[p.communeSlug, p.id]">{{ p.title }}</a></h2>
            <p class="meta">
              {{ 'practices.practice.by' | transloco: { commune: p.communeName, department: p.department } }}
              · {{ 'practices.theme.' + p.theme | transloco }}
              @if (p.submittedAt) {
                · {{ 'practices.review.submittedOn' | transloco: { date: (p.submittedAt | cpDate) } }}
              }
            </p>
            <p>{{ p.summary }}</p>
          </li>
        }
      </ul>
    } @else {
      <p role="status">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class ReviewQueuePage {
  private readonly api = inject(GoodPracticesApi);
  protected readonly statuses: ReviewedStatus[] = ['submitted', 'changes_requested', 'published', 'unpublished', 'rejected'];
  protected readonly status = signal<ReviewedStatus>('submitted');
  protected readonly queue = resource({ params: () => this.status(), loader: ({ params }) => this.api.queue(params) });
}
