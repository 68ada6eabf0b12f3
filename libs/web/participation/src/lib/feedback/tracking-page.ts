import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, resource } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { CommuneSummary } from '@communes/shared-contracts';
import type { FeedbackResponse } from '@communes/web-api-client';
import { AuthSession, LOGIN_PATH } from '@communes/web-auth';
import { ApiError, CommunesApi } from '@communes/web-data-access';
import { DatePipe as CpDatePipe, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { ParticipationApi } from '../participation-api';
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
