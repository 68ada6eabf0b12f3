import { Directive, inject } from '@angular/core';
import { Router } from '@angular/router';

/**
 * `<nav cpAppLinks>…<a href="/communes">…</nav>`: a plain click on a link to one of the app's
 * pages, inside the host, is followed by the router (no page reload), as a `routerLink` would be.
 *
 * For lists of links and the shell, where `routerLink` is costly: each one builds its own URL
 * tree and router subscription while the app takes over the server's page, on a phone's slow CPU
 * (a quarter of the search page's take-over, profiled). One listener here serves them all.
 *
 * Left to the browser: a click with a modifier or not with the main button (a new tab), a link
 * with `target` or `download`, another site, and the API's own paths (files, OCDS downloads).
 */
@Directive({
  selector: '[cpAppLinks]',
  // The links' own clicks, bubbling up (a link is focusable, and Enter on it is a click too).
  host: { '(click)': 'follow($event)' },
})
export class AppLinks {
  private readonly router = inject(Router);

  protected follow(event: MouseEvent): void {
    const link = (event.target as Element | null)?.closest('a');
    const href = link?.getAttribute('href');
    const plain =
      event.button === 0 &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.shiftKey &&
      !event.altKey &&
      !event.defaultPrevented;
    if (
      !plain ||
      !link ||
      !href?.startsWith('/') ||
      href.startsWith('//') ||
      href.startsWith('/api/') ||
      link.hasAttribute('target') ||
      link.hasAttribute('download')
    ) {
      return;
    }
    event.preventDefault();
    void this.router.navigateByUrl(href);
  }
}
