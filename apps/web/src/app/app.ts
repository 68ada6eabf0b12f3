import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { AccountMenu } from '@communes/web-auth';
import { OfflineBanner } from '@communes/web-pwa';
import {
  AppLinks,
  injectCurrentUrl,
  LanguageSwitch,
} from '@communes/web-ui/shell';
import { TranslocoPipe } from '@jsverse/transloco';

/** The main menu's entries; `null` on pages outside them. */
export type Section = 'home' | 'communes' | 'search' | 'goodPractices';

/** Which menu entry a path belongs to (the home page only for itself). */
export function sectionOf(url: string): Section | null {
  const path = url.split(/[?#]/)[0].replace(/\/+$/, '') || '/';
  if (path === '/') return 'home';
  const first = path.split('/')[1];
  if (first === 'communes') return 'communes';
  if (first === 'recherche') return 'search';
  if (first === 'bonnes-pratiques') return 'goodPractices';
  return null;
}

@Component({
  selector: 'cp-root',
  imports: [
    AppLinks,
    RouterOutlet,
    TranslocoPipe,
    LanguageSwitch,
    AccountMenu,
    OfflineBanner,
  ],
  templateUrl: './app.html',
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  /**
   * The menu's links are plain `href`s (`cpAppLinks`), marked current from the URL: five
   * `routerLink`s and four `routerLinkActive`s cost every page's take-over, on a phone, more
   * than one signal does.
   */
  private readonly url = injectCurrentUrl();
  protected readonly section = computed(() => sectionOf(this.url()));

  /**
   * Moves focus to the main content. A plain `href="#contenu"` would resolve against
   * `<base href="/">` and reload the root page from any other route.
   */
  protected skipTo(event: Event, target: HTMLElement): void {
    event.preventDefault();
    target.focus();
  }
}
