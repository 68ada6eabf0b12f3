import { computed, inject, Injectable } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import {
  type CommuneBrandingView,
  CommunesApi,
} from '@communes/web-data-access';
import { map } from 'rxjs';

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/**
 * The commune whose pages are shown, shared by the commune layout and its sections (provided
 * by the layout component, so every section in its outlet gets the same one: one request).
 */
@Injectable()
export class CommuneContext {
  private readonly api = inject(CommunesApi);

  readonly slug = toSignal(
    inject(ActivatedRoute).paramMap.pipe(map((p) => p.get('slug') ?? '')),
    { requireSync: true },
  );

  readonly commune = rxResource({
    params: () => this.slug(),
    stream: ({ params }) => this.api.get(params),
  });

  /** The branding, every field optional: older APIs do not send it at all. */
  readonly branding = computed<CommuneBrandingView>(() =>
    this.commune.hasValue() ? (this.commune.value().branding ?? {}) : {},
  );

  /** The commune's colours when they are valid `#rrggbb` values, else null (national look). */
  readonly primaryColor = computed(() => colour(this.branding().primaryColor));
  readonly secondaryColor = computed(() =>
    colour(this.branding().secondaryColor),
  );
}

function colour(value: string | null | undefined): string | null {
  return value && HEX_COLOUR.test(value) ? value : null;
}
