import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { FeedbackPhotoSummaryResponse } from '@communes/web-api-client';
import { API_BASE_URL } from '@communes/web-data-access';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * The photos of a feedback, as small thumbnails (320 px JPEG copies) that open the full photo.
 * Loaded lazily: a list of doléances costs no data until the photos scroll into view.
 */
@Component({
  selector: 'cp-feedback-photo-strip',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [
    `
      ul { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0.5rem 0; }
      a { display: inline-block; min-width: 44px; min-height: 44px; }
      img { display: block; width: 88px; height: 88px; object-fit: cover; border-radius: 4px; border: 1px solid #767676; background: #eee; }
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
  // The thumbnail (a few kB) in the page; the full photo only when opened.
  protected readonly links = computed(() => this.photos().map((photo) => ({ id: photo.id, href: `${this.root}${photo.url}`, thumbnail: `${this.root}${photo.thumbnailUrl}` })));
}
