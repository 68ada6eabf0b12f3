import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { authI18n } from '../auth.i18n';
import { AuthSession } from '../session/auth-session';

/**
 * The signed-in account's menu: a disclosure (native <details>, keyboard and screen reader
 * friendly without script) with the consoles the account may open and "Se déconnecter".
 * Loaded by AccountMenu only once someone is signed in.
 */
@Component({
  selector: 'cp-account-panel',
  imports: [RouterLink, TranslocoPipe],
  // Its own texts, loaded with it (signed-in people only).
  providers: [authI18n],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session.user(); as user) {
      <details #menu>
        <summary [attr.aria-label]="'auth.menu.open' | transloco: { name: user.displayName }">{{ user.displayName }}</summary>
        <ul>
          @if (user.platformRole === 'platform_admin') {
            <li><a routerLink="/ancb" (click)="close(menu)">{{ 'auth.menu.onboarding' | transloco }}</a></li>
          }
          @if (user.platformRole === 'ministry_observer' || user.platformRole === 'platform_admin') {
            <li><a routerLink="/ministere" (click)="close(menu)">{{ 'auth.menu.monitoring' | transloco }}</a></li>
          }
          @if (consoleLink(); as console) {
            <li><a [routerLink]="console.link" (click)="close(menu)">{{ 'auth.menu.console' | transloco: { commune: console.name } }}</a></li>
          }
          <li><button type="button" (click)="logout(menu)">{{ 'auth.menu.logout' | transloco }}</button></li>
          <li><button type="button" (click)="logoutEverywhere(menu)">{{ 'auth.menu.logoutEverywhere' | transloco }}</button></li>
        </ul>
        @if (everywhereFailed()) {
          <p role="alert">{{ 'auth.menu.logoutEverywhereFailed' | transloco }}</p>
        }
      </details>
    }
  `,
  styles: `
    :host { position: relative; }
    a, summary { display: inline-flex; align-items: center; min-height: 2.75rem; padding: 0 0.75rem; border-radius: 0.375rem; font-weight: 600; }
    summary { cursor: pointer; border: 2px solid #fff; }
    ul { position: absolute; right: 0; z-index: 10; min-width: 15rem; margin: 0.25rem 0 0; padding: 0.5rem 0; list-style: none; background: #fff; border: 1px solid #767676; border-radius: 6px; }
    p { position: absolute; right: 0; z-index: 10; width: 15rem; margin: 0.25rem 0 0; padding: 0.6rem 1rem; color: #8a1c1c; background: #fff; border: 1px solid #8a1c1c; border-radius: 6px; }
    ul a, button { display: flex; width: 100%; padding: 0.6rem 1rem; color: #004d2d; background: none; border: 0; font: inherit; text-decoration: underline; cursor: pointer; }
  `,
})
export class AccountPanel {
  protected readonly session = inject(AuthSession);
  private readonly router = inject(Router);

  /**
   * One entry for the commune consoles: straight into it for staff of one commune, the list for
   * staff of several (no list here: the header stays light for every visitor).
   */
  protected readonly consoleLink = computed(() => {
    const memberships = this.session.memberships();
    if (memberships.length === 0) return null;
    if (memberships.length === 1) return { link: `/console/${memberships[0].communeSlug}`, name: memberships[0].communeName };
    return { link: '/console', name: memberships.map((m) => m.communeName).join(', ') };
  });

  protected close(menu: HTMLDetailsElement): void {
    menu.open = false;
  }

  protected readonly everywhereFailed = signal(false);

  protected async logoutEverywhere(menu: HTMLDetailsElement): Promise<void> {
    this.everywhereFailed.set(false);
    try {
      await this.session.logoutEverywhere();
    } catch {
      this.everywhereFailed.set(true);
      return;
    }
    this.close(menu);
    await this.router.navigateByUrl('/');
  }

  protected async logout(menu: HTMLDetailsElement): Promise<void> {
    this.close(menu);
    await this.session.logout();
    await this.router.navigateByUrl('/');
  }
}
