import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { BRANDING_LIMITS, contrastWithWhite } from '@communes/shared-contracts';
import type { CommuneDetailResponse, UpdateBrandingDto } from '@communes/web-api-client';
import { ApiError } from '@communes/web-data-access';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { OnboardingApi } from '../onboarding-api';

/** What the branding step knows of a colour: nothing typed, not a colour, or its contrast with white text. */
export function colourCheck(value: string): { state: 'empty' } | { state: 'invalid' } | { state: 'checked'; ratio: number; passes: boolean } {
  const colour = value.trim();
  if (!colour) return { state: 'empty' };
  if (!/^#[0-9a-f]{6}$/i.test(colour)) return { state: 'invalid' };
  const ratio = contrastWithWhite(colour.toLowerCase());
  return { state: 'checked', ratio, passes: ratio >= BRANDING_LIMITS.minContrastWithWhite };
}

/**
 * `/ancb/integrer`: four steps — which commune (from the national list, or a new one), its
 * identity (name, slug, department, population), its visual identity (colours checked for
 * contrast, presentation, logo: optional, the API lets ANCB set them while the commune is
 * onboarding), its first administrator's invitation.
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
        @if (result.brandingError) {
          <p class="problem">{{ 'onboarding.wizard.brandingFailed' | transloco: { detail: result.brandingError } }}</p>
        }
        <p>{{ 'onboarding.wizard.link' | transloco }} <code class="invite-link">{{ result.acceptUrl }}</code></p>
        <p><a [routerLink]="['/ancb/communes', result.commune.slug]">{{ 'onboarding.wizard.openChecklist' | transloco }}</a></p>
      </div>
    } @else {
      <p aria-live="polite">{{ 'onboarding.wizard.steps' | transloco: { step: step() } }} — {{ stepTitle() | transloco }}</p>
      <ol class="steps" aria-hidden="true">
        <li [class.current]="step() === 1">{{ 'onboarding.wizard.stepChoose' | transloco }}</li>
        <li [class.current]="step() === 2">{{ 'onboarding.wizard.stepIdentity' | transloco }}</li>
        <li [class.current]="step() === 3">{{ 'onboarding.wizard.stepBranding' | transloco }}</li>
        <li [class.current]="step() === 4">{{ 'onboarding.wizard.stepAdmin' | transloco }}</li>
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
            <p>{{ 'onboarding.wizard.brandingIntro' | transloco }}</p>
            @for (field of colourFields; track field.name) {
              <div class="cp-field">
                <label [for]="'wizard-' + field.name">{{ 'onboarding.wizard.' + field.name | transloco }}</label>
                <div class="row">
                  <input [id]="'wizard-' + field.name" [name]="field.name" maxlength="7" placeholder="#0b6e4f" autocomplete="off" spellcheck="false"
                    [value]="field.value()" (input)="field.value.set(valueOf($event).trim())"
                    [attr.aria-invalid]="colourProblem(field.value())" [attr.aria-describedby]="'wizard-' + field.name + '-check'" />
                  <span class="swatch" aria-hidden="true" [style.background-color]="check(field.value()).state === 'checked' ? field.value() : 'transparent'">Aa</span>
                </div>
                <p [id]="'wizard-' + field.name + '-check'" aria-live="polite" [class.problem]="colourProblem(field.value())">
                  @switch (check(field.value()).state) {
                    @case ('invalid') { {{ 'onboarding.wizard.badColour' | transloco }} }
                    @case ('checked') { {{ (colourProblem(field.value()) ? 'onboarding.wizard.contrastLow' : 'onboarding.wizard.contrastOk') | transloco: { ratio: ratioOf(field.value()) } }} }
                  }
                </p>
              </div>
            }
            <div class="cp-field">
              <label for="wizard-presentation">{{ 'onboarding.wizard.presentation' | transloco }}</label>
              <textarea id="wizard-presentation" name="presentation" rows="4" [attr.maxlength]="presentationMax" [value]="presentation()" (input)="presentation.set(valueOf($event))"></textarea>
            </div>
            <div class="cp-field">
              <label for="wizard-logo">{{ 'onboarding.wizard.logo' | transloco }}</label>
              <input id="wizard-logo" type="file" accept="image/png,image/jpeg,image/webp" (change)="logo.set(fileOf($event))" />
            </div>
          }
          @case (4) {
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
            {{ (step() === 4 ? 'onboarding.wizard.submit' : 'onboarding.wizard.next') | transloco }}
          </button>
        </div>
      </form>
    }
  `,
  styles: `
    .steps { display: flex; flex-wrap: wrap; gap: 1rem; padding-left: 1.25rem; }
    .steps .current { font-weight: 700; }
    .swatch { display: inline-grid; place-items: center; width: 2.75rem; height: 2.75rem; border: 1px solid #767676; border-radius: 0.375rem; color: #fff; font-weight: 700; }
    .problem { color: #8c1d18; font-weight: 600; }
    textarea { width: 100%; box-sizing: border-box; padding: 0.5rem 0.75rem; border: 1px solid #767676; border-radius: 0.375rem; font: inherit; }
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
  protected readonly primaryColor = signal('');
  protected readonly secondaryColor = signal('');
  protected readonly presentation = signal('');
  protected readonly logo = signal<File | null>(null);
  protected readonly colourFields = [
    { name: 'primaryColor', value: this.primaryColor },
    { name: 'secondaryColor', value: this.secondaryColor },
  ] as const;
  protected readonly presentationMax = BRANDING_LIMITS.presentationMaxLength;
  protected readonly check = colourCheck;
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly done = signal<{ commune: CommuneDetailResponse; acceptUrl: string; brandingError: string | null } | null>(null);
  private readonly communes = resource({ loader: () => this.api.communes() });
  protected readonly candidates = computed(() => (this.communes.value() ?? []).filter((c) => c.status === 'not_onboarded'));
  protected readonly stepTitle = computed(
    () => ['', 'onboarding.wizard.stepChoose', 'onboarding.wizard.stepIdentity', 'onboarding.wizard.stepBranding', 'onboarding.wizard.stepAdmin'][this.step()],
  );
  protected readonly slugify = slugify;

  protected chosen() {
    return (this.communes.value() ?? []).find((c) => c.slug === this.slug());
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected fileOf(event: Event): File | null {
    return (event.target as HTMLInputElement).files?.item(0) ?? null;
  }

  /** A colour that is not `#rrggbb` or too light for white text: the API would refuse it. */
  protected colourProblem(value: string): boolean {
    const result = colourCheck(value);
    return result.state === 'invalid' || (result.state === 'checked' && !result.passes);
  }

  protected ratioOf(value: string): string {
    const result = colourCheck(value);
    const ratio = result.state === 'checked' ? Math.floor(result.ratio * 100) / 100 : 0;
    return new Intl.NumberFormat(this.transloco.getActiveLang() === 'en' ? 'en-GB' : 'fr-FR', { minimumFractionDigits: 2 }).format(ratio);
  }

  protected async next(): Promise<void> {
    if (this.step() === 3 && (this.colourProblem(this.primaryColor()) || this.colourProblem(this.secondaryColor()))) {
      document.getElementById(this.colourProblem(this.primaryColor()) ? 'wizard-primaryColor' : 'wizard-secondaryColor')?.focus();
      return;
    }
    if (this.step() < 4) {
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
      // The commune exists from here on: a branding problem must not stop the invitation.
      const brandingError = await this.saveBranding(commune.slug);
      const invitation = await this.api.inviteAdmin(commune.slug, this.email().trim());
      this.done.set({ commune, acceptUrl: invitation.acceptUrl, brandingError });
    } catch (error) {
      const detail = error instanceof ApiError ? (error.detail ?? this.transloco.translate('errors.server')) : this.transloco.translate('errors.unexpected');
      this.error.set(this.transloco.translate('onboarding.error', { detail }));
    } finally {
      this.busy.set(false);
    }
  }

  /** Sends what the branding step holds (nothing when it was skipped); returns the API's complaint, if any. */
  private async saveBranding(slug: string): Promise<string | null> {
    const patch: UpdateBrandingDto = {};
    if (this.primaryColor()) patch.primaryColor = this.primaryColor().toLowerCase();
    if (this.secondaryColor()) patch.secondaryColor = this.secondaryColor().toLowerCase();
    if (this.presentation().trim()) patch.presentation = this.presentation().trim();
    const logo = this.logo();
    try {
      if (Object.keys(patch).length) await this.api.updateBranding(slug, patch);
      if (logo) await this.api.uploadLogo(slug, logo);
      return null;
    } catch (error) {
      return error instanceof ApiError ? (error.detail ?? this.transloco.translate('errors.server')) : this.transloco.translate('errors.unexpected');
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
