import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { GOOD_PRACTICE_EDITABLE_STATUSES, GOOD_PRACTICE_LIMITS, GOOD_PRACTICE_THEMES, type GoodPracticeTheme } from '@communes/shared-contracts';
import type { GoodPracticeDto, GoodPracticeResponse } from '@communes/web-api-client';
import { AuthSession } from '@communes/web-auth';
import { DatePipe as CpDatePipe, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { GoodPracticesApi } from '../good-practices-api';
import { errorKey, injectSlug, missingFields, problemDetail } from '../shared/practice-text';
import { PracticeView } from './practice-view';

/**
 * `/console/:slug/bonnes-pratiques/nouvelle` and `/:id`: write a practice (a draft needs a
 * title and a theme), link published documents, submit it to ANCB, read ANCB's comments. Once
 * submitted or published it is shown read-only; moderators only read.
 */
@Component({
  selector: 'cp-commune-practice-page',
  imports: [TranslocoPipe, RouterLink, CpDatePipe, LoadFailure, PracticeView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/practices.css',
  templateUrl: './commune-practice-page.html',
})
export class CommunePracticePage {
  private readonly api = inject(GoodPracticesApi);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly session = inject(AuthSession);
  protected readonly slug = injectSlug();
  protected readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id');
  protected readonly themes = GOOD_PRACTICE_THEMES;
  protected readonly limits = GOOD_PRACTICE_LIMITS;

  protected readonly loaded = resource({ loader: () => (this.id ? this.api.get(this.slug, this.id) : Promise.resolve(null)) });
  protected readonly documents = resource({ loader: () => this.api.publishedDocuments(this.slug) });
  private readonly changed = signal<GoodPracticeResponse | null>(null);
  protected readonly practice = computed(() => this.changed() ?? (this.loaded.hasValue() ? this.loaded.value() : null));
  protected readonly canWrite = computed(() => this.session.hasMembership(this.slug, ['admin', 'editor']));
  protected readonly editable = computed(() => {
    const practice = this.practice();
    return this.canWrite() && (!practice || GOOD_PRACTICE_EDITABLE_STATUSES.includes(practice.status));
  });
  protected readonly linked = computed(() => new Set((this.practice()?.documents ?? []).map((d) => d.id)));
  /** ANCB's latest comment, when it sent the practice back, rejected or unpublished it. */
  protected readonly lastDecision = computed(() => {
    const practice = this.practice();
    if (!practice || !['changes_requested', 'rejected', 'unpublished'].includes(practice.status)) return null;
    return [...practice.reviews].reverse().find((r) => r.action === practice.status) ?? null;
  });
  protected readonly busy = signal(false);
  protected readonly message = signal('');
  protected readonly error = signal('');

  protected async save(form: HTMLFormElement): Promise<void> {
    const input = this.readForm(form);
    if (input.title.length < GOOD_PRACTICE_LIMITS.title.min) {
      this.error.set(this.transloco.translate('practices.console.form.titleShort'));
      return;
    }
    await this.run(async () => {
      const existing = this.practice();
      if (existing) {
        this.changed.set(await this.api.update(this.slug, existing.id, input));
        return 'practices.console.form.saved';
      }
      const created = await this.api.create(this.slug, input);
      await this.router.navigate(['/console', this.slug, 'bonnes-pratiques', created.id], { state: { created: true } });
      return 'practices.console.form.created';
    });
  }

  /** What is on screen is what ANCB gets: the form is saved, then submitted. */
  protected async submit(form: HTMLFormElement, practiceForm: HTMLFormElement): Promise<void> {
    const practice = this.practice();
    if (!practice) return;
    const input = this.readForm(practiceForm);
    this.message.set('');
    if (input.title.length < GOOD_PRACTICE_LIMITS.title.min) {
      this.error.set(this.transloco.translate('practices.console.form.titleShort'));
      return;
    }
    const missing = missingFields({ summary: input.summary ?? '', body: input.body ?? '', results: input.results ?? '', contactRole: input.contactRole ?? '' });
    if (missing.length > 0) {
      const fields = missing.map((field) => this.transloco.translate(`practices.console.form.${field}`)).join(', ');
      this.error.set(this.transloco.translate('practices.console.submit.missing', { fields }));
      return;
    }
    const comment = (new FormData(form).get('comment') ?? '').toString().trim();
    await this.run(async () => {
      this.changed.set(await this.api.update(this.slug, practice.id, input));
      this.changed.set(await this.api.submit(this.slug, practice.id, comment || undefined));
      return 'practices.console.submit.done';
    });
  }

  protected async remove(): Promise<void> {
    const practice = this.practice();
    if (!practice || !confirm(this.transloco.translate('practices.console.delete.confirm'))) return;
    await this.run(async () => {
      await this.api.remove(this.slug, practice.id);
      await this.router.navigate(['/console', this.slug, 'bonnes-pratiques']);
      return 'practices.console.delete.done';
    });
  }

  private readForm(form: HTMLFormElement): GoodPracticeDto {
    const data = new FormData(form);
    const text = (name: string) => (data.get(name) ?? '').toString().trim();
    const contactDetails = text('contactDetails');
    return {
      title: text('title'),
      theme: text('theme') as GoodPracticeTheme,
      summary: text('summary'),
      body: text('body'),
      results: text('results'),
      contactRole: text('contactRole'),
      ...(contactDetails ? { contactDetails } : {}),
      documentIds: data.getAll('documentIds').map(String),
    };
  }

  private async run(task: () => Promise<string>): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    this.message.set('');
    try {
      this.message.set(this.transloco.translate(await task()));
    } catch (error) {
      this.error.set(problemDetail(error) ?? this.transloco.translate(errorKey(error)));
    } finally {
      this.busy.set(false);
    }
  }
}
