import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CommuneDetailResponse } from '@communes/web-api-client';
import { ApiError } from '@communes/web-data-access';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { OnboardingApi } from '../onboarding-api';

/**
 * `/ancb/integrer`: three steps — which commune (from the national list, or a new one), its
 * identity (name, slug, department, population), its first administrator's invitation.
 * Plain inputs bound to signals (the steps come and go, the values stay).
 */
@Component({
  selector: 'cp-wizard-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './onboarding.css',
  template: `
    <h1>{{ 'onboarding.wizard.title' | transloco }}</h1>
    @if (done(); as result) {
      <div class="cp-notice" role="status">
        <p>{{ 'onboarding.wizard.done' | transloco: { name: result.commune.name } }}</p>
        <p>{{ 'onboarding.wizard.link' | transloco }} <code class="invite-link">{{ result.acceptUrl }}</code></p>
        <p><a [routerLink]="['/ancb/communes', result.commune.slug]">{{ 'onboarding.wizard.openChecklist' | transloco }}</a></p>
      </div>
    } @else {
      <p aria-live="polite">{{ 'onboarding.wizard.steps' | transloco: { step: step() } }} — {{ stepTitle() | transloco }}</p>
      <ol class="steps" aria-hidden="true">
        <li [class.current]="step() === 1">{{ 'onboarding.wizard.stepChoose' | transloco }}</li>
        <li [class.current]="step() === 2">{{ 'onboarding.wizard.stepIdentity' | transloco }}</li>
        <li [class.current]="step() === 3">{{ 'onboarding.wizard.stepAdmin' | transloco }}</li>
      </ol>
      @if (error()) {
        <p class="cp-notice error" role="alert">{{ error() }}</p>
      }
      <form (submit)="$event.preventDefault(); next()">
        @switch (step()) {
          @case (1) {
            <fieldset>
              <legend>{{ 'onboarding.wizard.source' | transloco }}</legend>
              <label><input type="radio" name="source" value="list" [checked]="source() === 'list'" (change)="source.set('list')" /> {{ 'onboarding.wizard.fromList' | transloco }}</label>
              <label><input type="radio" name="source" value="new" [checked]="source() === 'new'" (change)="source.set('new')" /> {{ 'onboarding.wizard.newCommune' | transloco }}</label>
            </fieldset>
            @if (source() === 'list') {
              <div class="cp-field">
                <label for="wizard-commune">{{ 'onboarding.wizard.commune' | transloco }}</label>
                <select id="wizard-commune" name="slug" required (change)="slug.set(valueOf($event))">
                  <option value="" [selected]="!slug()"></option>
                  @for (c of candidates(); track c.id) {
                    <option [value]="c.slug" [selected]="c.slug === slug()">{{ c.name }} ({{ c.department }})</option>
                  }
                </select>
              </div>
            }
          }
          @case (2) {
            @if (source() === 'new') {
              <div class="cp-field">
                <label for="wizard-name">{{ 'onboarding.wizard.name' | transloco }}</label>
                <input id="wizard-name" name="name" required maxlength="120" [value]="name()" (input)="name.set(valueOf($event)); slug.set(slugify(name()))" />
              </div>
              <div class="cp-field">
                <label for="wizard-slug">{{ 'onboarding.wizard.slug' | transloco }}</label>
                <input id="wizard-slug" name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" aria-describedby="wizard-slug-hint" [value]="slug()" (input)="slug.set(valueOf($event))" />
                <small id="wizard-slug-hint">{{ 'onboarding.wizard.slugHint' | transloco: { slug: slug() } }}</small>
              </div>
              <div class="cp-field">
                <label for="wizard-department">{{ 'onboarding.wizard.department' | transloco }}</label>
                <input id="wizard-department" name="department" required [value]="department()" (input)="department.set(valueOf($event))" />
              </div>
            } @else {
              <p>
                <strong>{{ chosen()?.name }}</strong> — {{ chosen()?.department }}<br />
                <small>{{ 'onboarding.wizard.slugHint' | transloco: { slug: slug() } }}</small>
              </p>
            }
            <div class="cp-field">
              <label for="wizard-population">{{ 'onboarding.wizard.population' | transloco }}</label>
              <input id="wizard-population" name="population" type="number" min="0" [value]="population()" (input)="population.set(valueOf($event))" />
            </div>
          }
          @case (3) {
            <div class="cp-field">
              <label for="wizard-email">{{ 'onboarding.wizard.adminEmail' | transloco }}</label>
              <input id="wizard-email" name="email" type="email" required autocomplete="off" [value]="email()" (input)="email.set(valueOf($event))" />
            </div>
          }
        }
        <div class="row">
          @if (step() > 1) {
            <button class="cp-button cp-button--secondary" type="button" (click)="step.set(step() - 1)">{{ 'onboarding.wizard.back' | transloco }}</button>
          }
          <button class="cp-button" type="submit" [disabled]="busy()">
            {{ (step() === 3 ? 'onboarding.wizard.submit' : 'onboarding.wizard.next') | transloco }}
          </button>
        </div>
      </form>
    }
  `,
  styles: `
    .steps { display: flex; flex-wrap: wrap; gap: 1rem; padding-left: 1.25rem; }
    .steps .current { font-weight: 700; }
  `,
})
export class WizardPage {
  private readonly api = inject(OnboardingApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly step = signal(1);
  protected readonly source = signal<'list' | 'new'>('list');
  protected readonly slug = signal('');
  protected readonly name = signal('');
  protected readonly department = signal('');
  protected readonly population = signal('');
  protected readonly email = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly done = signal<{ commune: CommuneDetailResponse; acceptUrl: string } | null>(null);
  private readonly communes = resource({ loader: () => this.api.communes() });
  protected readonly candidates = computed(() => (this.communes.value() ?? []).filter((c) => c.status === 'not_onboarded'));
  protected readonly stepTitle = computed(() => ['', 'onboarding.wizard.stepChoose', 'onboarding.wizard.stepIdentity', 'onboarding.wizard.stepAdmin'][this.step()]);
  protected readonly slugify = slugify;

  protected chosen() {
    return (this.communes.value() ?? []).find((c) => c.slug === this.slug());
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected async next(): Promise<void> {
    if (this.step() < 3) {
      if (this.step() === 1 && this.source() === 'new') this.slug.set(slugify(this.name()));
      this.step.set(this.step() + 1);
      return;
    }
    this.busy.set(true);
    this.error.set('');
    try {
      const population = Number(this.population());
      const commune = await this.api.onboard({
        slug: this.slug().trim(),
        ...(this.source() === 'new' ? { name: this.name().trim(), department: this.department().trim(), country: 'BJ' } : {}),
        ...(population > 0 ? { population } : {}),
      });
      const invitation = await this.api.inviteAdmin(commune.slug, this.email().trim());
      this.done.set({ commune, acceptUrl: invitation.acceptUrl });
    } catch (error) {
      const detail = error instanceof ApiError ? (error.detail ?? this.transloco.translate('errors.server')) : this.transloco.translate('errors.unexpected');
      this.error.set(this.transloco.translate('onboarding.error', { detail }));
    } finally {
      this.busy.set(false);
    }
  }
}

/** "Akpro-Missérété" → "akpro-misserete": the address of a new commune. */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
