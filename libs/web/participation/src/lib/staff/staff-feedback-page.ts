import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { FEEDBACK_ANSWER_MAX } from '@communes/shared-contracts';
import type { FeedbackResponse } from '@communes/web-api-client';
import { AuthSession, formValues } from '@communes/web-auth';
import { DatePipe as CpDatePipe, LoadFailure, NumberPipe } from '@communes/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NEXT_STATUSES } from '../feedback/tracking';
import { ParticipationApi } from '../participation-api';
import { errorKey, injectSlug, problemDetail } from '../shared/commune';
import { FeedbackPhotoStrip } from '../feedback/feedback-photo-strip';
import { HiddenNotice } from '../moderation/hidden-notice';

/**
 * `/console/:slug/doleances/:id`: one feedback for the staff: assign it, answer it publicly,
 * move its status on. Moderators read only (the API refuses them anyway).
 */
@Component({
  selector: 'cp-staff-feedback-page',
  imports: [TranslocoPipe, RouterLink, CpDatePipe, NumberPipe, LoadFailure, FeedbackPhotoStrip, HiddenNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/participation.css',
  templateUrl: './staff-feedback-page.html',
})
export class StaffFeedbackPage {
  private readonly api = inject(ParticipationApi);
  private readonly transloco = inject(TranslocoService);
  private readonly session = inject(AuthSession);
  protected readonly slug = injectSlug();
  protected readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
  protected readonly answerMax = FEEDBACK_ANSWER_MAX;

  protected readonly loaded = resource({ loader: () => this.api.feedback(this.slug, this.id) });
  protected readonly members = resource({ loader: () => this.api.members(this.slug) });
  private readonly changed = signal<FeedbackResponse | null>(null);
  protected readonly feedback = computed(() => this.changed() ?? (this.loaded.hasValue() ? this.loaded.value() : null));
  protected readonly canAct = computed(() => this.session.hasMembership(this.slug, ['admin', 'editor']));
  protected readonly next = computed(() => NEXT_STATUSES[this.feedback()?.status ?? 'resolved']);
  protected readonly busy = signal(false);
  protected readonly message = signal('');
  protected readonly error = signal('');

  protected assign(form: HTMLFormElement): Promise<void> {
    const assignee = formValues(form)['assignee'];
    return this.run('assigned', () => this.api.assign(this.slug, this.id, assignee || null));
  }

  protected answer(form: HTMLFormElement): Promise<void> {
    const text = formValues(form)['answer'] ?? '';
    if (text.length < 3) {
      this.error.set(this.transloco.translate('participation.staff.answerShort'));
      return Promise.resolve();
    }
    return this.run('answered', () => this.api.answer(this.slug, this.id, text), form);
  }

  protected changeStatus(form: HTMLFormElement): Promise<void> {
    const values = formValues(form);
    const status = values['status'] as 'in_progress' | 'answered' | 'resolved' | 'declined';
    const answer = values['answer'] || undefined;
    if (status === 'declined' && !answer) {
      this.error.set(this.transloco.translate('participation.staff.reasonNeeded'));
      return Promise.resolve();
    }
    return this.run('statusChanged', () => this.api.changeStatus(this.slug, this.id, { status, answer }), form);
  }

  private async run(done: string, task: () => Promise<FeedbackResponse>, form?: HTMLFormElement): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    this.message.set('');
    try {
      this.changed.set(await task());
      this.message.set(this.transloco.translate(`participation.staff.done.${done}`));
      form?.reset();
    } catch (error) {
      this.error.set(problemDetail(error) ?? this.transloco.translate(errorKey(error)));
    } finally {
      this.busy.set(false);
    }
  }
}
