import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import {
  FEEDBACK_CATEGORIES,
  FEEDBACK_KINDS,
  FEEDBACK_PLACE_MAX,
  FEEDBACK_TEXT_MAX,
  FEEDBACK_TEXT_MIN,
  FEEDBACK_VISIBILITIES,
  type FeedbackCategory,
  type FeedbackKind,
  type FeedbackVisibility,
} from '@communes/shared-contracts';
import type { FeedbackResponse } from '@communes/web-api-client';
import { AuthSession, LOGIN_PATH } from '@communes/web-auth';
import { ApiError } from '@communes/web-data-access';
import { NumberPipe } from '@communes/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ParticipationApi } from '../participation-api';
import { injectCommune, injectSlug, problemDetail } from '../shared/commune';
import { EMPTY_DRAFT, type FeedbackDraft, feedbackDrafts } from './feedback-draft';

type FieldErrors = Partial<Record<'category' | 'text' | 'place', string>>;

/**
 * `/communes/:slug/doleances/nouvelle`: send a doléance or a suggestion. What is typed is kept
 * in localStorage at each keystroke and only dropped once the commune has it; a failed send
 * leaves everything in place with a retry. On success: the tracking number, big, with a copy
 * button and the way to follow it.
 */
@Component({
  selector: 'cp-feedback-form-page',
  imports: [TranslocoPipe, RouterLink, NumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/participation.css',
  templateUrl: './feedback-form-page.html',
})
export class FeedbackFormPage {
  private readonly api = inject(ParticipationApi);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  protected readonly session = inject(AuthSession);
  protected readonly slug = injectSlug();
  protected readonly commune = injectCommune(this.slug);

  protected readonly kinds = FEEDBACK_KINDS;
  protected readonly categories = FEEDBACK_CATEGORIES;
  protected readonly visibilities = FEEDBACK_VISIBILITIES;
  protected readonly textMin = FEEDBACK_TEXT_MIN;
  protected readonly textMax = FEEDBACK_TEXT_MAX;
  protected readonly placeMax = FEEDBACK_PLACE_MAX;

  protected readonly draft = signal<FeedbackDraft>(feedbackDrafts.read(this.slug) ?? EMPTY_DRAFT);
  protected readonly restored = signal(feedbackDrafts.read(this.slug) !== null);
  protected readonly errors = signal<FieldErrors>({});
  protected readonly sendError = signal('');
  protected readonly sending = signal(false);
  protected readonly sent = signal<FeedbackResponse | null>(null);
  protected readonly copied = signal(false);
  /** Said once when the text nears or passes the limit (not at every keystroke). */
  protected readonly countAnnouncement = signal('');

  protected readonly length = computed(() => this.draft().text.trim().length);
  protected readonly remaining = computed(() => this.textMax - this.length());
  protected readonly loginLink = computed(() => ({ retour: this.router.url }));
  protected readonly loginPath = LOGIN_PATH;

  protected edit(form: HTMLFormElement): void {
    const data = new FormData(form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const before = this.remaining();
    const next: FeedbackDraft = {
      kind: (text('kind') || 'doleance') as FeedbackKind,
      category: text('category') as FeedbackCategory | '',
      text: text('text'),
      place: text('place'),
      visibility: (text('visibility') || 'public') as FeedbackVisibility,
    };
    this.draft.set(next);
    feedbackDrafts.write(this.slug, next);
    this.announceCount(before, this.remaining());
    // An error goes away as soon as the field is fixed.
    if (Object.keys(this.errors()).length) this.errors.set(this.check(next, false));
  }

  protected async submit(): Promise<void> {
    if (this.sending()) return;
    const draft = this.draft();
    const errors = this.check(draft, true);
    this.errors.set(errors);
    this.sendError.set('');
    const first = (['category', 'text', 'place'] as const).find((field) => errors[field]);
    if (first) {
      this.host.querySelector<HTMLElement>(`#feedback-${first}`)?.focus();
      return;
    }
    await this.session.whenReady();
    if (!this.session.signedIn()) {
      // The draft is saved: it is here again after signing in.
      await this.router.navigate([LOGIN_PATH], { queryParams: { retour: this.router.url } });
      return;
    }
    this.sending.set(true);
    try {
      const created = await this.api.sendFeedback(this.slug, {
        kind: draft.kind,
        category: draft.category as FeedbackCategory,
        text: draft.text.trim(),
        place: draft.place.trim() || undefined,
        visibility: draft.visibility,
      });
      feedbackDrafts.clear(this.slug);
      this.sent.set(created);
      this.focusAfterRender('#feedback-sent-title');
    } catch (error) {
      this.sendError.set(this.failureText(error));
      this.focusAfterRender('#feedback-send-error');
    } finally {
      this.sending.set(false);
    }
  }

  protected async copy(number: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(number);
      this.copied.set(true);
    } catch {
      // No clipboard (old browser, no permission): the number stays selectable on screen.
      this.copied.set(false);
      const range = document.createRange();
      const target = this.host.querySelector('.number');
      if (target) {
        range.selectNodeContents(target);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      }
    }
  }

  protected another(): void {
    this.sent.set(null);
    this.copied.set(false);
    this.draft.set(EMPTY_DRAFT);
    this.restored.set(false);
    this.focusAfterRender('#feedback-kind-doleance');
  }

  protected describedBy(field: 'category' | 'text' | 'place', ...extra: string[]): string {
    return [...extra, this.errors()[field] ? `feedback-${field}-error` : null].filter(Boolean).join(' ');
  }

  private check(draft: FeedbackDraft, all: boolean): FieldErrors {
    const errors: FieldErrors = {};
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(`participation.form.errors.${key}`, params);
    const length = draft.text.trim().length;
    if (!draft.category && (all || this.errors().category)) errors.category = t('category');
    if (length < this.textMin && (all || this.errors().text)) errors.text = t('textShort', { min: this.textMin, count: length });
    if (length > this.textMax) errors.text = t('textLong', { max: this.textMax, over: length - this.textMax });
    if (draft.place.trim().length > this.placeMax) errors.place = t('placeLong', { max: this.placeMax });
    return errors;
  }

  private failureText(error: unknown): string {
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(`participation.form.failed.${key}`, params);
    if (error instanceof ApiError) {
      if (error.isNetworkError) return t('offline');
      if (error.status === 401) return t('signedOut');
      if (error.status === 429) return t('tooMany');
      if (error.status === 422) return problemDetail(error) ?? t('closed');
      if (error.status >= 500) return t('server');
      const detail = problemDetail(error);
      if (detail) return t('refused', { detail });
    }
    return t('server');
  }

  private announceCount(before: number, after: number): void {
    for (const threshold of [200, 50, 0]) {
      if (before >= threshold && after < threshold) {
        this.countAnnouncement.set(
          after < 0
            ? this.transloco.translate('participation.form.count.over', { count: -after })
            : this.transloco.translate('participation.form.count.left', { count: after }),
        );
        return;
      }
    }
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
