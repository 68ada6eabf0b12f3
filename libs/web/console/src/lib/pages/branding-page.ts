import { ChangeDetectionStrategy, Component, computed, effect, inject, resource, signal } from '@angular/core';
import { BRANDING_LIMITS } from '@communes/shared-contracts';
import type { BrandingResponse, UpdateBrandingDto } from '@communes/web-api-client';
import { ApiError } from '@communes/web-data-access';
import { LanguageService } from '@communes/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { fieldErrorsOf, SessionsApi } from '../sessions-api';
import { contrastReport, formatRatio, isHexColor } from './brand-contrast';
import { injectCommuneSlug } from './slug';

type TextField = 'presentation' | 'mayorName' | 'contactEmail' | 'contactPhone' | 'address' | 'website';
const TEXT_FIELDS: readonly TextField[] = ['presentation', 'mayorName', 'contactEmail', 'contactPhone', 'address', 'website'];

/** What changed between the stored branding and the form ('' clears a field: the API takes null). */
export function brandingPatch(stored: BrandingResponse, form: Record<'primaryColor' | 'secondaryColor' | TextField, string>): UpdateBrandingDto {
  const patch: UpdateBrandingDto = {};
  for (const field of ['primaryColor', 'secondaryColor', ...TEXT_FIELDS] as const) {
    const value = form[field].trim();
    const next = field.endsWith('Color') ? value.toLowerCase() : value;
    if (next !== (stored[field] ?? '')) patch[field] = next === '' ? null : next;
  }
  return patch;
}

/**
 * `/console/:slug/identite` (admins): the commune's colours with a live preview of the public
 * header and a WCAG contrast check (the API refuses a colour under 4.5:1 with white text), its
 * logo, its presentation text and contacts.
 */
@Component({
  selector: 'cp-branding-page',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['./console.css', './sessions.css'],
  template: `
    <h1>{{ 'console.branding.title' | transloco }}</h1>
    @if (status()) {
      <p class="cp-notice" role="status">{{ status() }}</p>
    }
    @if (error()) {
      <p class="cp-notice error" role="alert">{{ error() }}</p>
    }
    @if (stored(); as b) {
      <section aria-labelledby="colours-title">
        <h2 id="colours-title">{{ 'console.branding.colours' | transloco }}</h2>
        <form novalidate (submit)="$event.preventDefault(); save()">
          @for (field of colourFields; track field) {
            <fieldset>
              <legend>{{ 'console.branding.' + field | transloco }}</legend>
              <div class="row">
                <div class="cp-field">
                  <label [for]="field + '-code'">{{ 'console.branding.code' | transloco }}</label>
                  <input [id]="field + '-code'" [name]="field" maxlength="7" placeholder="#0b6e4f" autocomplete="off" spellcheck="false"
                    [value]="colours()[field]" (input)="setColour(field, value($event))"
                    [attr.aria-invalid]="!!colourProblem(field)" [attr.aria-describedby]="field + '-contrast'" />
                </div>
                <div class="cp-field picker">
                  <label [for]="field + '-picker'">{{ 'console.branding.picker' | transloco }}</label>
                  <input [id]="field + '-picker'" type="color" [value]="pickerValue(field)" (input)="setColour(field, value($event))" />
                </div>
              </div>
              <div [id]="field + '-contrast'" aria-live="polite">
                @if (colourProblem(field); as problem) {
                  <p class="field-error">{{ problem }}</p>
                } @else if (report(field); as r) {
                  <p [class.field-error]="!r.whitePasses" [class.ok]="r.whitePasses">
                    {{ (r.whitePasses ? 'console.branding.whiteOk' : 'console.branding.whiteLow') | transloco: { ratio: ratio(r.withWhite) } }}
                  </p>
                  <p class="hint">{{ (r.blackPasses ? 'console.branding.blackOk' : 'console.branding.blackLow') | transloco: { ratio: ratio(r.withBlack) } }}</p>
                } @else {
                  <p class="hint">{{ 'console.branding.noColour' | transloco }}</p>
                }
              </div>
            </fieldset>
          }

          <div class="preview" [attr.aria-label]="'console.branding.preview' | transloco" role="group">
            <p class="hint">{{ 'console.branding.preview' | transloco }}</p>
            <div class="preview-header" [style.background-color]="previewColour('primaryColor', '#006b3f')" [style.border-bottom-color]="previewColour('secondaryColor', '#004d2d')">
              @if (b.logoUrl) { <img [src]="b.logoUrl" alt="" width="40" height="40" /> }
              <strong>{{ communeName() }}</strong>
            </div>
            <div class="preview-body">
              <span class="preview-button" [style.background-color]="previewColour('secondaryColor', previewColour('primaryColor', '#006b3f'))">{{ 'console.branding.sampleButton' | transloco }}</span>
              <a href="#" (click)="$event.preventDefault()" [style.color]="previewColour('primaryColor', '#006b3f')">{{ 'console.branding.sampleLink' | transloco }}</a>
            </div>
          </div>

          <h2>{{ 'console.branding.presentationTitle' | transloco }}</h2>
          <div class="cp-field">
            <label for="presentation">{{ 'console.branding.presentation' | transloco }}</label>
            <textarea id="presentation" name="presentation" rows="6" [attr.maxlength]="limits.presentationMaxLength" [value]="texts().presentation" (input)="setText('presentation', value($event))"
              aria-describedby="presentation-count"></textarea>
            <p class="hint" id="presentation-count">{{ 'console.branding.count' | transloco: { count: texts().presentation.length, max: limits.presentationMaxLength } }}</p>
            @if (apiErrors()['presentation']) { <p class="field-error">{{ apiErrors()['presentation'] }}</p> }
          </div>
          @for (field of contactFields; track field.name) {
            <div class="cp-field">
              <label [for]="field.name">{{ 'console.branding.' + field.name | transloco }}</label>
              <input [id]="field.name" [name]="field.name" [type]="field.type" [attr.autocomplete]="field.autocomplete" [value]="texts()[field.name]" (input)="setText(field.name, value($event))"
                [attr.aria-invalid]="!!apiErrors()[field.name]" [attr.aria-describedby]="apiErrors()[field.name] ? field.name + '-error' : null" />
              @if (apiErrors()[field.name]) { <p class="field-error" [id]="field.name + '-error'">{{ apiErrors()[field.name] }}</p> }
            </div>
          }
          <button class="cp-button" type="submit" [disabled]="busy() || !canSave()">{{ 'console.branding.save' | transloco }}</button>
        </form>
      </section>

      <section aria-labelledby="logo-title">
        <h2 id="logo-title">{{ 'console.branding.logo' | transloco }}</h2>
        @if (b.logoUrl) {
          <img class="logo" [src]="b.logoUrl" [alt]="'console.branding.currentLogo' | transloco" />
        } @else {
          <p>{{ 'console.branding.noLogo' | transloco }}</p>
        }
        <form (submit)="$event.preventDefault(); upload()">
          <div class="cp-field">
            <label for="logo-file">{{ 'console.branding.logoFile' | transloco }}</label>
            <input id="logo-file" type="file" accept="image/png,image/jpeg,image/webp" aria-describedby="logo-hint" (change)="picked($event)" />
            <p class="hint" id="logo-hint">{{ 'console.branding.logoHint' | transloco: { kb: limits.logoMaxBytes / 1024, px: limits.logoMaxPixels } }}</p>
          </div>
          <div class="row">
            <button class="cp-button" type="submit" [disabled]="busy() || !logo()">{{ 'console.branding.upload' | transloco }}</button>
            @if (b.logoUrl) {
              <button class="cp-button cp-button--secondary" type="button" [disabled]="busy()" (click)="removeLogo()">{{ 'console.branding.removeLogo' | transloco }}</button>
            }
          </div>
        </form>
      </section>
    } @else if (commune.isLoading()) {
      <p>{{ 'common.loading' | transloco }}</p>
    }
  `,
  styles: `
    .picker { min-width: 6rem; flex: 0 0 6rem; }
    .picker input[type='color'] { padding: 0.2rem; height: 2.75rem; }
    .ok { color: #0b5d1e; font-weight: 600; }
    .preview { display: grid; gap: 0.5rem; padding: 0.75rem; border: 1px solid #767676; border-radius: 0.5rem; }
    .preview-header { display: flex; align-items: center; gap: 0.75rem; padding: 0.75rem 1rem; color: #fff; border-bottom: 4px solid transparent; border-radius: 0.375rem 0.375rem 0 0; }
    .preview-body { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; padding: 0.5rem 0; }
    .preview-button { display: inline-block; padding: 0.5rem 1rem; border-radius: 0.375rem; color: #fff; font-weight: 600; }
    .logo { max-width: 10rem; max-height: 10rem; border: 1px solid #c4c4c4; }
  `,
})
export class BrandingPage {
  private readonly api = inject(SessionsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  protected readonly slug = injectCommuneSlug();
  protected readonly limits = BRANDING_LIMITS;
  protected readonly colourFields = ['primaryColor', 'secondaryColor'] as const;
  protected readonly contactFields: { name: Exclude<TextField, 'presentation'>; type: string; autocomplete: string }[] = [
    { name: 'mayorName', type: 'text', autocomplete: 'off' },
    { name: 'contactEmail', type: 'email', autocomplete: 'off' },
    { name: 'contactPhone', type: 'tel', autocomplete: 'off' },
    { name: 'address', type: 'text', autocomplete: 'off' },
    { name: 'website', type: 'url', autocomplete: 'off' },
  ];
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly error = signal('');
  protected readonly apiErrors = signal<Record<string, string>>({});
  protected readonly logo = signal<File | null>(null);
  protected readonly commune = resource({ loader: () => this.api.commune(this.slug) });
  protected readonly stored = signal<BrandingResponse | null>(null);
  protected readonly communeName = computed(() => this.commune.value()?.name ?? this.slug);
  protected readonly colours = signal<Record<'primaryColor' | 'secondaryColor', string>>({ primaryColor: '', secondaryColor: '' });
  protected readonly texts = signal<Record<TextField, string>>({ presentation: '', mayorName: '', contactEmail: '', contactPhone: '', address: '', website: '' });
  /** Saving is possible when every colour is empty or valid and passes the API's contrast rule. */
  protected readonly canSave = computed(() => this.colourFields.every((f) => !this.colourProblem(f) && (this.report(f)?.whitePasses ?? true)));

  constructor() {
    effect(() => {
      const commune = this.commune.value();
      if (commune) this.load(commune.branding);
    });
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
  protected setColour(field: 'primaryColor' | 'secondaryColor', value: string): void {
    this.colours.update((c) => ({ ...c, [field]: value.trim() }));
  }
  protected setText(field: TextField, value: string): void {
    this.texts.update((t) => ({ ...t, [field]: value }));
  }
  protected report(field: 'primaryColor' | 'secondaryColor') {
    return contrastReport(this.colours()[field]);
  }
  protected colourProblem(field: 'primaryColor' | 'secondaryColor'): string | null {
    const value = this.colours()[field];
    if (value && !isHexColor(value)) return this.transloco.translate('console.branding.badColour');
    return this.apiErrors()[field] ?? null;
  }
  protected pickerValue(field: 'primaryColor' | 'secondaryColor'): string {
    const value = this.colours()[field];
    return isHexColor(value) ? value.toLowerCase() : '#000000';
  }
  protected previewColour(field: 'primaryColor' | 'secondaryColor', fallback: string): string {
    const value = this.colours()[field];
    return isHexColor(value) ? value : fallback;
  }
  protected ratio(value: number): string {
    return formatRatio(value, this.language.locale());
  }
  protected picked(event: Event): void {
    this.logo.set((event.target as HTMLInputElement).files?.item(0) ?? null);
  }

  protected save(): Promise<void> {
    const stored = this.stored();
    if (!stored || !this.canSave()) return Promise.resolve();
    const patch = brandingPatch(stored, { ...this.colours(), ...this.texts() });
    if (Object.keys(patch).length === 0) {
      this.status.set(this.transloco.translate('console.branding.nothing'));
      return Promise.resolve();
    }
    return this.run(async () => {
      this.load(await this.api.updateBranding(this.slug, patch));
      this.status.set(this.transloco.translate('console.branding.saved'));
    });
  }

  protected upload(): Promise<void> {
    const file = this.logo();
    if (!file) return Promise.resolve();
    return this.run(async () => {
      this.load(await this.api.uploadLogo(this.slug, file));
      this.logo.set(null);
      this.status.set(this.transloco.translate('console.branding.logoSaved'));
    });
  }

  protected removeLogo(): Promise<void> {
    return this.run(async () => {
      this.load(await this.api.removeLogo(this.slug));
      this.status.set(this.transloco.translate('console.branding.logoRemoved'));
    });
  }

  private load(branding: BrandingResponse): void {
    this.stored.set(branding);
    this.colours.set({ primaryColor: branding.primaryColor ?? '', secondaryColor: branding.secondaryColor ?? '' });
    this.texts.set({
      presentation: branding.presentation ?? '',
      mayorName: branding.mayorName ?? '',
      contactEmail: branding.contactEmail ?? '',
      contactPhone: branding.contactPhone ?? '',
      address: branding.address ?? '',
      website: branding.website ?? '',
    });
  }

  private async run(task: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    this.status.set('');
    this.apiErrors.set({});
    try {
      await task();
    } catch (error) {
      const fields = fieldErrorsOf(error);
      this.apiErrors.set(fields);
      const detail = error instanceof ApiError ? (error.detail ?? this.transloco.translate('errors.server')) : this.transloco.translate('errors.unexpected');
      this.error.set(this.transloco.translate('console.error', { detail }));
    } finally {
      this.busy.set(false);
    }
  }
}
