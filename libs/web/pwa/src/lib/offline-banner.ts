import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { OnlineStatus } from './online-status.service';

/**
 * The banner shown while the connection is lost: what still works (pages already visited) and
 * that nothing typed is lost (forms keep their values; a write that fails is reported, never
 * dropped silently). A short "back online" follows for a few seconds. Announced politely.
 * Its texts are root texts of libs/web/ui (`connection.*`), in the first bundle: a lazy
 * translation file could not load once the connection is gone.
 */
@Component({
  selector: 'cp-offline-banner',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="connection" role="status" aria-live="polite">
      @if (!status.isOnline()) {
        <p class="connection__notice connection__notice--offline">{{ 'connection.offline' | transloco }}</p>
      } @else if (backOnline()) {
        <p class="connection__notice connection__notice--online">{{ 'connection.backOnline' | transloco }}</p>
      }
    </div>
  `,
  styles: `
    .connection__notice { margin: 0; padding: 0.6rem 1rem; font-size: 0.95rem; line-height: 1.4; }
    .connection__notice--offline { background: #fff4ce; color: #3d2e00; border-bottom: 2px solid #8a6d00; }
    .connection__notice--online { background: #e3f4ea; color: #0b3d24; border-bottom: 2px solid #006b3f; }
  `,
})
export class OfflineBanner {
  protected readonly status = inject(OnlineStatus);
  protected readonly backOnline = signal(false);

  constructor() {
    let wasOffline = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    effect((onCleanup) => {
      const online = this.status.isOnline();
      if (!online) {
        wasOffline = true;
        this.backOnline.set(false);
      } else if (wasOffline) {
        wasOffline = false;
        this.backOnline.set(true);
        timer = setTimeout(() => this.backOnline.set(false), BACK_ONLINE_MS);
      }
      onCleanup(() => clearTimeout(timer));
    });
  }
}

const BACK_ONLINE_MS = 4000;
