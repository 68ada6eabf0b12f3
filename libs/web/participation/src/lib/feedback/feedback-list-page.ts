import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { FEEDBACK_CATEGORIES, FEEDBACK_STATUSES, type FeedbackCategory, type FeedbackStatus } from '@communes/shared-contracts';
import type { FeedbackResponse } from '@communes/web-api-client';
import { AuthSession, LOGIN_PATH } from '@communes/web-auth';
import { DatePipe as CpDatePipe, LoadFailure, NumberPipe } from '@communes/web-ui';
import { Pager } from '@communes/web-ui/pager';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ParticipationApi } from '../participation-api';
import { errorKey, injectCommune, injectSlug, problemDetail } from '../shared/commune';
import { HiddenNotice } from '../moderation/hidden-notice';
import { ReportButton } from '../moderation/report-button';
import { FeedbackPhotoStrip } from './feedback-photo-strip';

const PAGE_SIZE = 20;

/**
 * `/communes/:slug/doleances`: the commune's public feedback (newest first) with support
 * buttons, the way to send one and to follow one. Signed out, "support" invites to sign in.
 */
@Component({
  selector: 'cp-feedback-list-page',
  imports: [TranslocoPipe, RouterLink, CpDatePipe, NumberPipe, LoadFailure, HiddenNotice, ReportButton, FeedbackPhotoStrip, Pager],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/participation.css',
  templateUrl: './feedback-list-page.html',
})
export class FeedbackListPage {
  private readonly api = inject(ParticipationApi);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  protected readonly session = inject(AuthSession);
  protected readonly slug = injectSlug();
  protected readonly commune = injectCommune(this.slug);
  protected readonly categories = FEEDBACK_CATEGORIES;
  protected readonly statuses = FEEDBACK_STATUSES;
  protected readonly loginPath = LOGIN_PATH;

  protected readonly status = signal<FeedbackStatus | ''>('');
  protected readonly category = signal<FeedbackCategory | ''>('');
  protected readonly page = signal(1);
  protected readonly announcement = signal('');
  protected readonly supporting = signal<string | null>(null);
  /** Items changed by a support, shown in place of the loaded ones (no reload of the page). */
  private readonly updated = signal<Record<string, FeedbackResponse>>({});

  protected readonly feedback = resource({
    params: () => ({ status: this.status(), category: this.category(), page: this.page(), signedIn: this.session.signedIn() }),
    loader: async ({ params }) => {
      await this.session.whenReady();
      return this.api.feedbackList(this.slug, { status: params.status || undefined, category: params.category || undefined, page: params.page, pageSize: PAGE_SIZE });
    },
  });

  /** The caller's own feedback (public or private), to follow it from here. */
  protected readonly mine = resource({
    params: () => (this.session.signedIn() ? { signedIn: true } : undefined),
    loader: () => this.api.feedbackList(this.slug, { mine: 'true', pageSize: 10 }),
  });

  /** Public feedback only (the commune staff get their private queue from the same call). */
  protected readonly items = computed(() => {
    const page = this.feedback.hasValue() ? this.feedback.value() : null;
    const updated = this.updated();
    return (page?.items ?? []).filter((f) => f.visibility === 'public').map((f) => updated[f.id] ?? f);
  });
  protected readonly pages = computed(() => {
    const page = this.feedback.hasValue() ? this.feedback.value() : null;
    return page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  });
  protected readonly loginLink = computed(() => ({ retour: this.router.url }));
  protected readonly errorKey = errorKey;

  protected filter(form: HTMLFormElement): void {
    const data = new FormData(form);
    this.status.set((data.get('status') as FeedbackStatus | '') ?? '');
    this.category.set((data.get('category') as FeedbackCategory | '') ?? '');
    this.page.set(1);
  }

  protected async support(item: FeedbackResponse): Promise<void> {
    this.supporting.set(item.id);
    this.announcement.set('');
    try {
      const updated = await this.api.support(this.slug, item.id);
      this.updated.update((all) => ({ ...all, [item.id]: updated }));
      this.announcement.set(this.transloco.translate('participation.feedback.supported', { number: item.trackingNumber, count: updated.supportCount }));
    } catch (error) {
      const detail = problemDetail(error);
      this.announcement.set(detail ?? this.transloco.translate(errorKey(error)));
    } finally {
      this.supporting.set(null);
    }
  }

  protected excerpt(text: string): string {
    return text.length > 400 ? `${text.slice(0, 400).trimEnd()}…` : text;
  }
}
