import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { FeedbackPhotoSummaryResponse } from '@communes/web-api-client';
import { API_BASE_URL } from '@communes/web-data-access';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * The photos of a feedback, as small thumbnails (320 px JPEG copies) that open the full photo.
 * Loaded lazily: a list of doléances costs no data until the photos scroll into view.
 * `removable` (the author, while photos may still be changed) adds a « Supprimer la photo »
 * button under each; the page asks for confirmation and calls the API.
 */
@Component({
  selector: 'cp-feedback-photo-strip',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [
    `
      ul { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0.5rem 0; }
      li { display: flex; flex-direction: column; gap: 0.25rem; align-items: flex-start; }
      a { display: inline-block; min-width: 44px; min-height: 44px; }
      img { display: block; width: 88px; height: 88px; object-fit: cover; border-radius: 4px; border: 1px solid #767676; background: #eee; }
      button { min-height: 44px; }
    `,
  ],
  template: `
    @if (photos().length) {
      <ul [attr.aria-label]="'participation.photos.label' | transloco">
        @for (photo of links(); track photo.id; let i = $index) {
          <li>
            <a [href]="photo.href" target="_blank" rel="noopener" [attr.aria-label]="'participation.photos.open' | transloco: { number: i + 1 }">
              <img [src]="photo.thumbnail" loading="lazy" decoding="async" [attr.width]="88" [attr.height]="88"
                [alt]="'participation.photos.alt' | transloco: { number: i + 1, trackingNumber: trackingNumber() }" />
            </a>
            @if (removable()) {
              <button class="cp-button cp-button--secondary" type="button" [id]="'photo-remove-' + photo.id" [disabled]="removing() !== null"
                [attr.aria-busy]="removing() === photo.id ? true : null" (click)="remove.emit({ photo: photo.source, number: i + 1 })">
                {{ (removing() === photo.id ? 'participation.photos.removing' : 'participation.photos.remove') | transloco }}<span class="visually-hidden"> {{ 'participation.photos.removeWhich' | transloco: { number: i + 1 } }}</span>
              </button>
            }
          </li>
        }
      </ul>
    }
  `,
})
export class FeedbackPhotoStrip {
  private readonly root = inject(API_BASE_URL);
  readonly photos = input<readonly FeedbackPhotoSummaryResponse[]>([]);
  readonly trackingNumber = input('');
  /** Shows a remove button under each photo (the author, within the window). */
  readonly removable = input(false);
  /** The id of the photo being removed (its button says so; the others wait). */
  readonly removing = input<string | null>(null);
  readonly remove = output<{ photo: FeedbackPhotoSummaryResponse; number: number }>();
  // The thumbnail (a few kB) in the page; the full photo only when opened.
  protected readonly links = computed(() =>
    this.photos().map((photo) => ({ id: photo.id, source: photo, href: `${this.root}${photo.url}`, thumbnail: `${this.root}${photo.thumbnailUrl}` })),
  );
}
