import { ChangeDetectionStrategy, Component, inject, input, resource, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CommuneStatus, OnboardingChecklistItem } from '@communes/shared-contracts';
import { formValues } from '@communes/web-auth';
import { ApiError } from '@communes/web-data-access';
import { DatePipe as CpDatePipe, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { OnboardingApi } from '../onboarding-api';

/** `/ancb/communes/:slug`: checklist, activation, suspension and reactivation, admin invitations. */
@Component({
  selector: 'cp-commune-page',
  imports: [RouterLink, TranslocoPipe, CpDatePipe, LoadFailure],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './onboarding.css',
  template: `
    <p><a routerLink="/ancb">{{ 'onboarding.commune.back' | transloco }}</a></p>
    @if (commune.value(); as c) {
      <h1>{{ c.name }}</h1>
      <p>{{ c.department }} · <span class="status">{{ 'onboarding.status.' + c.status | transloco }}</span></p>
      @if (c.status === 'suspended' && c.suspensionReason) {
        <p class="cp-notice">{{ 'onboarding.commune.suspendedBecause' | transloco: { reason: c.suspensionReason } }}</p>
      }
      @if (error()) {
        <p class="cp-notice error" role="alert">{{ error() }}</p>
      }
      <section aria-labelledby="checklist-title">
        <h2 id="checklist-title">{{ 'onboarding.commune.checklist' | transloco }}</h2>
        <ul class="checklist">
          @for (entry of c.checklist; track entry.item) {
            <li>
              <label>
                <input type="checkbox" [checked]="entry.done" [disabled]="busy()" (change)="toggle($any(entry.item), !entry.done)" />
                {{ 'onboarding.commune.items.' + entry.item | transloco }}
              </label>
              @if (entry.doneAt) {
                <small> — {{ 'onboarding.commune.doneAt' | transloco: { date: (entry.doneAt | cpDate) } }}</small>
              }
            </li>
          }
        </ul>
      </section>
      <section class="row">
        @if (c.status === 'onboarding') {
          <button class="cp-button" type="button" (click)="change('active')" [disabled]="busy()">{{ 'onboarding.commune.activate' | transloco }}</button>
        }
        @if (c.status === 'suspended') {
          <button class="cp-button" type="button" (click)="change('active')" [disabled]="busy()">{{ 'onboarding.commune.reactivate' | transloco }}</button>
        }
      </section>
      @if (c.status === 'active') {
        <form class="row" #suspendForm (submit)="$event.preventDefault(); change('suspended', suspendForm)">
          <div class="cp-field">
            <label for="suspend-reason">{{ 'onboarding.commune.suspendReason' | transloco }}</label>
            <input id="suspend-reason" name="reason" required />
          </div>
          <button class="cp-button cp-button--secondary" type="submit" [disabled]="busy()">{{ 'onboarding.commune.suspend' | transloco }}</button>
        </form>
      }
      @if (c.status !== 'not_onboarded') {
        <form class="row" #inviteForm (submit)="$event.preventDefault(); invite(inviteForm)">
          <div class="cp-field">
            <label for="admin-email">{{ 'onboarding.commune.inviteAdmin' | transloco }} — {{ 'onboarding.commune.email' | transloco }}</label>
            <input id="admin-email" name="email" type="email" required />
          </div>
          <button class="cp-button cp-button--secondary" type="submit" [disabled]="busy()">{{ 'onboarding.commune.send' | transloco }}</button>
        </form>
        @if (link()) {
          <p class="cp-notice" role="status">{{ 'onboarding.wizard.link' | transloco }} <code class="invite-link">{{ link() }}</code></p>
        }
      }
    } @else if (commune.error()) {
      <h1>{{ slug() }}</h1>
      <cp-load-failure [heading]="slug()" [error]="commune.error()" (retry)="commune.reload()" />
    } @else {
      <h1>{{ slug() }}</h1>
      <p>{{ 'common.loading' | transloco }}</p>
    }
  `,
  styles: `
    .checklist { list-style: none; padding: 0; }
    .checklist li { padding: 0.4rem 0; }
  `,
})
export class CommunePage {
  readonly slug = input.required<string>();
  private readonly api = inject(OnboardingApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly link = signal('');
  protected readonly commune = resource({ params: () => this.slug(), loader: ({ params }) => this.api.commune(params) });

  protected toggle(item: OnboardingChecklistItem, done: boolean): Promise<void> {
    return this.run(() => this.api.setChecklist(this.slug(), item, done));
  }

  protected change(status: CommuneStatus, form?: HTMLFormElement): Promise<void> {
    const reason = form ? formValues(form)['reason'] : undefined;
    return this.run(async () => {
      await this.api.changeStatus(this.slug(), status, reason);
      form?.reset();
    });
  }

  protected invite(form: HTMLFormElement): Promise<void> {
    const { email } = formValues(form);
    return this.run(async () => {
      const created = await this.api.inviteAdmin(this.slug(), email);
      this.link.set(created.acceptUrl);
      form.reset();
    });
  }

  private async run(task: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      await task();
      this.commune.reload();
    } catch (error) {
      const detail = error instanceof ApiError ? (error.detail ?? this.transloco.translate('errors.server')) : this.transloco.translate('errors.unexpected');
      this.error.set(this.transloco.translate('onboarding.error', { detail }));
    } finally {
      this.busy.set(false);
    }
  }
}
