import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, resource, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { ConsultationResponse } from '@communes/web-api-client';
import { AuthSession, LOGIN_PATH } from '@communes/web-auth';
import { ApiError } from '@communes/web-data-access';
import { DatePipe as CpDatePipe, LoadFailure, NumberPipe } from '@communes/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ParticipationApi } from '../participation-api';
import { errorKey, injectCommune, injectSlug, problemDetail } from '../shared/commune';

/**
 * `/communes/:slug/consultations/:id`: the question(s), one answer per signed-in account, and the
 * results when the commune shows them: each option as a bar with its number of votes and share
 * (the numbers are text; the bar is decoration), plus the CSV file.
 */
@Component({
  selector: 'cp-consultation-page',
  imports: [TranslocoPipe, RouterLink, CpDatePipe, NumberPipe, LoadFailure],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/participation.css',
  templateUrl: './consultation-page.html',
})
export class ConsultationPage {
  private readonly api = inject(ParticipationApi);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  protected readonly session = inject(AuthSession);
  protected readonly slug = injectSlug();
  protected readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
  protected readonly commune = injectCommune(this.slug);
  protected readonly loginPath = LOGIN_PATH;

  protected readonly consultation = resource({
    params: () => ({ signedIn: this.session.signedIn() }),
    loader: async () => {
      await this.session.whenReady();
      return this.api.consultation(this.slug, this.id);
    },
  });
  /** Set after answering, so the page shows the new state without reloading. */
  private readonly answered = signal<ConsultationResponse | null>(null);
  protected readonly current = computed(() => this.answered() ?? (this.consultation.hasValue() ? this.consultation.value() : null));

  protected readonly results = resource({
    params: () => (this.current()?.resultsAvailable ? { at: this.current()?.updatedAt, mine: this.current()?.myAnswers } : undefined),
    loader: () => this.api.results(this.slug, this.id),
  });

  protected readonly missing = signal<string[]>([]);
  protected readonly sendError = signal('');
  protected readonly sending = signal(false);
  protected readonly loginLink = computed(() => ({ retour: this.router.url }));
  protected readonly csvUrl = this.api.resultsCsvUrl(this.slug, this.id);
  protected readonly csvExcelUrl = this.api.resultsCsvUrl(this.slug, this.id, true);

  protected chose(answers: Record<string, string[]> | null, questionId: string, optionId: string): boolean {
    return answers?.[questionId]?.includes(optionId) ?? false;
  }

  protected width(percent: number): string {
    return `${Math.max(0, Math.min(100, percent))}%`;
  }

  protected async submit(form: HTMLFormElement, consultation: ConsultationResponse): Promise<void> {
    if (this.sending()) return;
    const data = new FormData(form);
    const answers = consultation.questions.map((q) => ({ questionId: q.id, optionIds: data.getAll(q.id).filter((v): v is string => typeof v === 'string') }));
    const missing = answers.filter((a) => a.optionIds.length === 0).map((a) => a.questionId);
    this.missing.set(missing);
    this.sendError.set('');
    if (missing.length) {
      this.host.querySelector<HTMLElement>(`#question-${missing[0]} input`)?.focus();
      return;
    }
    this.sending.set(true);
    try {
      this.answered.set(await this.api.respond(this.slug, this.id, answers));
      afterNextRender(() => this.host.querySelector<HTMLElement>('#consultation-thanks')?.focus(), { injector: this.injector });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'consultation.already-answered') {
        this.consultation.reload();
        this.sendError.set(this.transloco.translate('participation.consultation.already'));
      } else {
        this.sendError.set(problemDetail(error) ?? this.transloco.translate(errorKey(error)));
      }
      afterNextRender(() => this.host.querySelector<HTMLElement>('#consultation-error')?.focus(), { injector: this.injector });
    } finally {
      this.sending.set(false);
    }
  }
}
