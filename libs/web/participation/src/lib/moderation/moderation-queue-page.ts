import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  MODERATED_CONTENT_KINDS,
  MODERATION_QUEUE_STATES,
  MODERATION_REASON_MAX,
  MODERATION_REASON_MIN,
  type ModeratedContentKind,
  type ModerationAction,
  type ModerationQueueState,
} from '@communes/shared-contracts';
import type { ModerationItemResponse } from '@communes/web-api-client';
import { ApiError } from '@communes/web-data-access';
import { DatePipe as CpDatePipe, LoadFailure, NumberPipe } from '@communes/web-ui';
import { Pager } from '@communes/web-ui/pager';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { injectSlug } from '../shared/commune';
import { ModerationApi } from './moderation-api';
import { moderationI18n } from './moderation.i18n';

const PAGE_SIZE = 20;

/**
 * `/console/:slug/moderation`: the commune's moderators and admins see reported contents (to
 * handle, handled) or every hidden content, and hide, restore or dismiss, with a reason. The
 * filters live in the address (`?etat=hidden&type=feedback&page=2`).
 */
@Component({
  selector: 'cp-moderation-queue-page',
  imports: [TranslocoPipe, RouterLink, CpDatePipe, NumberPipe, LoadFailure, Pager],
  providers: [moderationI18n],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/participation.css',
  styles: `
    .excerpt { white-space: pre-line; margin: 0.5rem 0; }
    .hidden-badge { background: #fbeaea; border-color: #8c1d18; color: #8c1d18; }
    .decision { display: grid; gap: 0.5rem; margin-top: 0.75rem; }
    .decision textarea { min-height: 4rem; }
    details { margin: 0.25rem 0; }
  `,
  template: `
    <a class="back" [routerLink]="['/console', slug]">← {{ 'moderation.queue.backToConsole' | transloco }}</a>
    <h1>{{ 'moderation.queue.title' | transloco }}</h1>
    <p>{{ 'moderation.queue.intro' | transloco }}</p>
    <form class="row" #filters (change)="filter(filters)" (submit)="$event.preventDefault(); filter(filters)">
      <div class="cp-field">
        <label for="moderation-state">{{ 'moderation.queue.state' | transloco }}</label>
        <select id="moderation-state" name="state">
          @for (s of states; track s) {
            <option [value]="s" [selected]="state() === s">{{ 'moderation.queue.states.' + s | transloco }}</option>
          }
        </select>
      </div>
      <div class="cp-field">
        <label for="moderation-kind">{{ 'moderation.queue.kindFilter' | transloco }}</label>
        <select id="moderation-kind" name="kind">
          <option value="">{{ 'common.all' | transloco }}</option>
          @for (k of kinds; track k) {
            <option [value]="k" [selected]="kind() === k">{{ 'moderation.kind.' + k | transloco }}</option>
          }
        </select>
      </div>
    </form>

    <p class="visually-hidden" aria-live="polite">{{ announcement() }}</p>

    @if (queue.error()) {
      <cp-load-failure [heading]="'moderation.queue.loadError' | transloco" [error]="queue.error()" (retry)="queue.reload()" />
    } @else if (queue.hasValue()) {
      @let page = queue.value();
      <p role="status">{{ 'moderation.queue.count' | transloco: { count: (page.total | cpNumber) } }}</p>
      <ul class="list">
        @for (item of page.items; track item.kind + item.contentId) {
          @let current = updated()[item.kind + item.contentId] ?? item;
          <li class="cp-card">
            <p class="row">
              <span class="badge">{{ 'moderation.kind.' + current.kind | transloco }}</span>
              @if (current.hidden) {
                <span class="badge hidden-badge">{{ 'moderation.queue.hidden' | transloco }}</span>
              } @else {
                <span class="badge">{{ 'moderation.queue.visible' | transloco }}</span>
              }
            </p>
            @if (current.exists) {
              <p class="excerpt">{{ current.excerpt }}</p>
              <p class="meta">
                @if (current.authorName) {
                  {{ 'moderation.queue.by' | transloco: { name: current.authorName } }} ·
                }
                {{ current.createdAt | cpDate: 'datetime' }}
                @if (current.link) {
                  · <a [href]="current.link">{{ 'moderation.queue.open' | transloco }}</a>
                }
              </p>
            } @else {
              <p class="meta">{{ 'moderation.queue.gone' | transloco }}</p>
            }
            @if (current.hidden && current.hiddenReason) {
              <p class="meta">{{ 'moderation.queue.hiddenBecause' | transloco: { reason: current.hiddenReason } }}</p>
            }
            @if (current.reportCount > 0) {
              <p class="meta">
                {{ 'moderation.queue.reports' | transloco: { count: (current.reportCount | cpNumber), open: (current.openReportCount | cpNumber) } }} ·
                {{ 'moderation.queue.reported' | transloco: { first: (current.firstReportedAt | cpDate), last: (current.lastReportedAt | cpDate) } }}
              </p>
              <p class="meta">{{ 'moderation.queue.reasons' | transloco: { list: reasonList(current.reasons) } }}</p>
              @if (current.details.length) {
                <details>
                  <summary>{{ 'moderation.queue.details' | transloco }}</summary>
                  <ul>
                    @for (d of current.details; track $index) {
                      <li>{{ d }}</li>
                    }
                  </ul>
                </details>
              }
            } @else {
              <p class="meta">{{ 'moderation.queue.noReport' | transloco }}</p>
            }
            @if (current.exists || current.openReportCount > 0) {
              @let key = current.kind + current.contentId;
              <form class="decision" novalidate (submit)="$event.preventDefault()">
                <label [for]="'reason-' + key">{{ 'moderation.queue.decisionReason' | transloco }}</label>
                <textarea
                  #reasonField
                  [id]="'reason-' + key"
                  [attr.maxlength]="reasonMax"
                  [attr.aria-describedby]="'reason-hint-' + key + (invalid() === key ? ' reason-error-' + key : '')"
                  [attr.aria-invalid]="invalid() === key ? 'true' : null"
                ></textarea>
                <p class="hint" [id]="'reason-hint-' + key">{{ 'moderation.queue.decisionHint' | transloco }}</p>
                @if (invalid() === key) {
                  <p class="field-error" [id]="'reason-error-' + key">{{ 'moderation.queue.reasonRequired' | transloco }}</p>
                }
                <div class="row">
                  @if (!current.exists) {
                    <!-- Deleted since it was reported: only its reports remain to close. -->
                  } @else if (current.hidden) {
                    <button type="button" class="cp-button" [disabled]="busy() === key" (click)="decide(current, 'restore', reasonField)">{{ 'moderation.queue.restore' | transloco }}</button>
                  } @else {
                    <button type="button" class="cp-button" [disabled]="busy() === key" (click)="decide(current, 'hide', reasonField)">{{ 'moderation.queue.hide' | transloco }}</button>
                  }
                  @if (current.openReportCount > 0 && !current.hidden) {
                    <button type="button" class="cp-button cp-button--secondary" [disabled]="busy() === key" (click)="decide(current, 'dismiss', reasonField)">{{ 'moderation.queue.dismiss' | transloco }}</button>
                  }
                </div>
              </form>
            }
          </li>
        } @empty {
          <li>{{ 'moderation.queue.empty' | transloco }}</li>
        }
      </ul>
      <cp-pager [page]="pageNumber()" [pages]="pages()" queryParam="page" />
    } @else {
      <p role="status">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class ModerationQueuePage {
  private readonly api = inject(ModerationApi);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly slug = injectSlug();
  protected readonly states = MODERATION_QUEUE_STATES;
  protected readonly kinds = MODERATED_CONTENT_KINDS;
  protected readonly reasonMax = MODERATION_REASON_MAX;

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly state = computed<ModerationQueueState>(() => {
    const value = this.params().get('etat');
    return (MODERATION_QUEUE_STATES as readonly string[]).includes(value ?? '') ? (value as ModerationQueueState) : 'open';
  });
  protected readonly kind = computed<ModeratedContentKind | ''>(() => {
    const value = this.params().get('type');
    return (MODERATED_CONTENT_KINDS as readonly string[]).includes(value ?? '') ? (value as ModeratedContentKind) : '';
  });
  protected readonly pageNumber = computed(() => Math.max(1, Number(this.params().get('page')) || 1));

  protected readonly announcement = signal('');
  protected readonly busy = signal<string | null>(null);
  protected readonly invalid = signal<string | null>(null);
  /** Items changed by a decision, shown in place (the page is not reloaded under the moderator's eyes). */
  protected readonly updated = signal<Record<string, ModerationItemResponse>>({});

  protected readonly queue = resource({
    params: () => ({ state: this.state(), kind: this.kind(), page: this.pageNumber() }),
    loader: ({ params }) => this.api.queue(this.slug, { state: params.state, kind: params.kind || undefined, page: params.page, pageSize: PAGE_SIZE }),
  });
  protected readonly pages = computed(() => {
    const page = this.queue.hasValue() ? this.queue.value() : null;
    return page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  });

  protected filter(form: HTMLFormElement): void {
    const data = new FormData(form);
    const state = String(data.get('state') ?? 'open');
    const kind = String(data.get('kind') ?? '');
    this.updated.set({});
    void this.router.navigate([], { relativeTo: this.route, queryParams: { etat: state === 'open' ? null : state, type: kind || null, page: null } });
  }

  protected reasonList(reasons: readonly string[]): string {
    return reasons.map((reason) => this.transloco.translate(`moderation.reason.${reason}`)).join(', ');
  }

  protected async decide(item: ModerationItemResponse, action: ModerationAction, field: HTMLTextAreaElement): Promise<void> {
    const key = item.kind + item.contentId;
    const reason = field.value.trim();
    if (reason.length < MODERATION_REASON_MIN) {
      this.invalid.set(key);
      field.focus();
      return;
    }
    this.invalid.set(null);
    this.busy.set(key);
    this.announcement.set('');
    try {
      const updated = await this.api.decide(this.slug, item.kind, item.contentId, action, reason);
      this.updated.update((all) => ({ ...all, [key]: updated }));
      field.value = '';
      this.announcement.set(this.transloco.translate(`moderation.queue.done.${action}`));
    } catch (error) {
      const detail = error instanceof ApiError && error.detail ? error.detail : this.transloco.translate('errors.unexpected');
      this.announcement.set(this.transloco.translate('moderation.queue.failed', { detail }));
    } finally {
      this.busy.set(null);
    }
  }
}
