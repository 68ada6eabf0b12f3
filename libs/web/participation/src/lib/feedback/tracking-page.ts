import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, resource, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { type CommuneSummary, FEEDBACK_PHOTO_WINDOW_HOURS } from '@communes/shared-contracts';
import type { FeedbackPhotoSummaryResponse, FeedbackResponse } from '@communes/web-api-client';
import { AuthSession, LOGIN_PATH } from '@communes/web-auth';
import { ApiError, CommunesApi } from '@communes/web-data-access';
import { DatePipe as CpDatePipe, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { ParticipationApi } from '../participation-api';
import { problemDetail } from '../shared/commune';
import { HiddenNotice } from '../moderation/hidden-notice';
import { ReportButton } from '../moderation/report-button';
import { FeedbackPhotoStrip } from './feedback-photo-strip';
import { communesForNumber, normaliseTrackingNumber, timelineOf, TRACKING_NUMBER } from './tracking';

interface Found {
  feedback: FeedbackResponse;
  commune: Pick<CommuneSummary, 'slug' | 'name'>;
}

/**
 * `/suivi` and `/suivi/:number` (`?commune=slug` when known): follow a doléance by its tracking
 * number. The number's letters name the commune; when several communes share them, each is asked.
 */
@Component({
  selector: 'cp-tracking-page',
  imports: [TranslocoPipe, RouterLink, CpDatePipe, LoadFailure, HiddenNotice, ReportButton, FeedbackPhotoStrip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/participation.css',
  templateUrl: './tracking-page.html',
})
export class TrackingPage {
  private readonly api = inject(ParticipationApi);
  private readonly communes = inject(CommunesApi);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  protected readonly session = inject(AuthSession);
  protected readonly loginPath = LOGIN_PATH;
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.paramMap, { requireSync: true });
  private readonly query = toSignal(this.route.queryParamMap, { requireSync: true });

  protected readonly number = computed(() => normaliseTrackingNumber(this.params().get('number') ?? ''));
  protected readonly communeSlug = computed(() => this.query().get('commune') ?? '');
  protected readonly invalid = computed(() => this.number() !== '' && !TRACKING_NUMBER.test(this.number()));

  protected readonly found = resource({
    params: () => (this.number() && !this.invalid() ? { number: this.number(), commune: this.communeSlug(), signedIn: this.session.signedIn() } : undefined),
    loader: async ({ params }): Promise<Found> => {
      await this.session.whenReady();
      const result = params.commune ? await this.inCommune(params.commune, params.number) : await this.anywhere(params.number);
      afterNextRender(() => this.host.querySelector<HTMLElement>('#tracking-result')?.focus(), { injector: this.injector });
      return result;
    },
  });
  protected readonly notFound = computed(() => {
    const error = this.found.error();
    return error instanceof ApiError && error.status === 404;
  });
  protected readonly timeline = computed(() => (this.found.hasValue() ? timelineOf(this.found.value().feedback) : []));
  protected readonly loginLink = computed(() => ({ retour: this.router.url }));

  private readonly transloco = inject(TranslocoService);
  /** The author may still take back a photo: the API's window (a day, before the commune handles it). */
  protected readonly photosRemovable = computed(() => {
    if (!this.found.hasValue()) return false;
    const { feedback } = this.found.value();
    return feedback.isMine && feedback.status === 'received' && Date.now() < new Date(feedback.createdAt).getTime() + FEEDBACK_PHOTO_WINDOW_HOURS * 3600_000;
  });
  protected readonly removingPhoto = signal<string | null>(null);
  protected readonly photoMessage = signal('');
  protected readonly photoError = signal('');

  /** « Supprimer la photo », once confirmed: the photo leaves the page when the API has removed it. */
  protected async removePhoto(event: { photo: FeedbackPhotoSummaryResponse; number: number }): Promise<void> {
    if (!this.found.hasValue() || this.removingPhoto()) return;
    const { feedback, commune } = this.found.value();
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(`participation.photos.${key}`, params);
    if (!confirm(t('confirmRemove', { number: event.number }))) return;
    this.removingPhoto.set(event.photo.id);
    this.photoMessage.set('');
    this.photoError.set('');
    try {
      await this.api.removeFeedbackPhoto(commune.slug, feedback.id, event.photo.id);
      const current = this.found.value();
      this.found.set({ ...current, feedback: { ...current.feedback, photos: current.feedback.photos.filter((photo) => photo.id !== event.photo.id) } });
      this.photoMessage.set(t('removed', { number: event.number }));
    } catch (error) {
      this.photoError.set(this.photoFailure(error));
    } finally {
      this.removingPhoto.set(null);
    }
    afterNextRender(() => this.host.querySelector<HTMLElement>('#tracking-photo-message')?.focus(), { injector: this.injector });
  }

  private photoFailure(error: unknown): string {
    const t = (key: string) => this.transloco.translate(`participation.photos.removeFailed.${key}`);
    if (error instanceof ApiError) {
      if (error.isNetworkError) return t('offline');
      if (error.status === 409) return t('closed');
      if (error.status === 404) return t('gone');
      const detail = problemDetail(error);
      if (detail) return detail;
    }
    return t('server');
  }

  protected search(form: HTMLFormElement): void {
    const value = new FormData(form).get('number');
    const number = normaliseTrackingNumber(typeof value === 'string' ? value : '');
    if (!number) return;
    void this.router.navigate(['/suivi', number]);
  }

  private async inCommune(slug: string, number: string): Promise<Found> {
    const [feedback, commune] = await Promise.all([this.api.feedbackByNumber(slug, number), firstValueFrom(this.communes.get(slug)).catch(() => null)]);
    return { feedback, commune: { slug, name: commune?.name ?? slug } };
  }

  /** Every commune whose letters match, at once; the first that knows the number wins. */
  private async anywhere(number: string): Promise<Found> {
    const list = await firstValueFrom(this.communes.list());
    const candidates = list.items.filter((c) => communesForNumber(number, [c.slug]).length > 0);
    const attempts = await Promise.allSettled(candidates.map(async (commune): Promise<Found> => ({ feedback: await this.api.feedbackByNumber(commune.slug, number), commune: { slug: commune.slug, name: commune.name } })));
    const hit = attempts.find((a): a is PromiseFulfilledResult<Found> => a.status === 'fulfilled');
    if (hit) return hit.value;
    // A network or server failure says more than "not found".
    const failure = attempts.find((a): a is PromiseRejectedResult => a.status === 'rejected' && !(a.reason instanceof ApiError && a.reason.status === 404));
    throw failure ? failure.reason : new ApiError(404, null, null, null);
  }
}
