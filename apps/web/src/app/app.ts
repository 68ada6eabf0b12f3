import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AccountMenu } from '@communes/web-auth';
import { OfflineBanner } from '@communes/web-pwa';
import { LanguageSwitch } from '@communes/web-ui/shell';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'cp-root',
  imports: [
    RouterLink,
    RouterLinkActive,
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
   * Moves focus to the main content. A plain `href="#contenu"` would resolve against
   * `<base href="/">` and reload the root page from any other route.
   */
  protected skipTo(event: Event, target: HTMLElement): void {
    event.preventDefault();
    target.focus();
  }
}
