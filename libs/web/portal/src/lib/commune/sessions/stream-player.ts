import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, signal } from '@angular/core';
import { DomSanitizer, type SafeResourceUrl } from '@angular/platform-browser';
import { TranslocoPipe } from '@jsverse/transloco';

export type StreamKind = 'youtube' | 'facebook' | 'hls';

/**
 * Players the page may embed: the API normalises stream links to these (libs/api/council-sessions
 * stream-url.ts), and the Content-Security-Policy (frame-src) allows exactly these origins.
 */
const EMBED_ORIGINS: Record<'youtube' | 'facebook', string> = {
  youtube: 'https://www.youtube-nocookie.com',
  facebook: 'https://www.facebook.com',
};

/**
 * The session's broadcast. YouTube and Facebook behind a click-to-load facade: a plain poster
 * and a button, the third-party player (hundreds of kB, cookies) only once asked for; HLS in a
 * native `<video>` where the browser plays it (Android Chrome, Safari), a link otherwise (no
 * hls.js: too heavy for the phones this serves). Always a plain link to open it elsewhere.
 */
@Component({
  selector: 'cp-stream-player',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let provider = 'civic.live.stream.provider_' + kind() | transloco;
    @if (embed(); as src) {
      @if (kind() === 'hls') {
        @if (hlsPlayable() === true) {
          <video class="frame" controls preload="none" playsinline [src]="url()" [attr.aria-label]="'civic.live.stream.frameTitle' | transloco: { title: title() }"></video>
        } @else if (hlsPlayable() === false) {
          <p class="cp-notice">{{ 'civic.live.stream.noHls' | transloco }}</p>
        }
      } @else if (loaded()) {
        <iframe
          class="frame"
          [src]="src"
          [title]="'civic.live.stream.frameTitle' | transloco: { title: title() }"
          allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
          allowfullscreen
          referrerpolicy="strict-origin-when-cross-origin"
        ></iframe>
      } @else {
        <div class="frame facade">
          <span class="play" aria-hidden="true"></span>
          <button class="cp-button" type="button" (click)="load()" aria-describedby="stream-note">
            {{ 'civic.live.stream.watch' | transloco }}
          </button>
          <p class="note" id="stream-note">{{ 'civic.live.stream.watchNote' | transloco: { provider } }}</p>
        </div>
      }
    }
    <p class="open">
      <a [href]="url()" target="_blank" rel="noopener noreferrer">{{
        (kind() === 'hls' ? 'civic.live.stream.openHls' : 'civic.live.stream.open') | transloco: { provider }
      }}</a>
    </p>
  `,
  styles: `
    :host {
      display: block;
    }
    .frame {
      display: block;
      width: 100%;
      aspect-ratio: 16 / 9;
      border: 0;
      border-radius: 0.5rem;
      background: #111;
    }
    .facade {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 0.75rem;
      padding: 1rem;
      background: linear-gradient(135deg, #1b1f24, #00522f);
      color: #fff;
      text-align: center;
    }
    .play {
      width: 0;
      height: 0;
      border-top: 1.25rem solid transparent;
      border-bottom: 1.25rem solid transparent;
      border-left: 2rem solid #fff;
    }
    .facade .cp-button {
      border-color: #fff;
    }
    .facade .cp-button:focus-visible {
      outline-color: #fcd116;
    }
    .note {
      margin: 0;
      max-width: 28rem;
      font-size: 0.875rem;
    }
    .open {
      margin: 0.5rem 0 0;
    }
  `,
})
export class StreamPlayer {
  private readonly sanitizer = inject(DomSanitizer);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  readonly kind = input.required<StreamKind>();
  /** The link to open elsewhere. */
  readonly url = input.required<string>();
  /** The player URL (YouTube/Facebook embed, or the HLS playlist). */
  readonly embedUrl = input.required<string | null>();
  readonly title = input.required<string>();

  protected readonly loaded = signal(false);
  /** Known once in the browser (null on the server and until the first render: same markup both sides). */
  protected readonly hlsPlayable = signal<boolean | null>(null);

  constructor() {
    afterNextRender(() => this.hlsPlayable.set(canPlayHls()));
  }

  /** The embed, trusted only on the expected https origin of its kind. */
  protected readonly embed = computed<SafeResourceUrl | null>(() => {
    const embed = this.embedUrl();
    const kind = this.kind();
    if (!embed) return null;
    if (kind === 'hls') return embed.startsWith('https://') ? embed : null;
    if (!embed.startsWith(`${EMBED_ORIGINS[kind]}/`)) return null;
    const autoplay = kind === 'youtube' ? 'autoplay=1' : 'autoplay=true';
    return this.sanitizer.bypassSecurityTrustResourceUrl(`${embed}${embed.includes('?') ? '&' : '?'}${autoplay}`);
  });

  protected load(): void {
    this.loaded.set(true);
    // The button goes away: keyboard and screen reader users land on the player.
    afterNextRender(() => this.host.querySelector('iframe')?.focus(), { injector: this.injector });
  }
}

function canPlayHls(): boolean {
  if (typeof document === 'undefined') return false;
  const video = document.createElement('video');
  return typeof video.canPlayType === 'function' && video.canPlayType('application/vnd.apple.mpegurl') !== '';
}
