import { ChangeDetectionStrategy, Component, effect, inject, ViewContainerRef } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthSession } from '../session/auth-session';

/**
 * The header's account entry, on every page: "Se connecter" when signed out; once signed in,
 * the account menu (AccountPanel), loaded on demand so that visitors who never sign in do not
 * download it.
 */
@Component({
  selector: 'cp-account-menu',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!session.signedIn()) {
      <a routerLink="/connexion">{{ 'app.signIn' | transloco }}</a>
    }
  `,
  styles: `
    a { display: inline-flex; align-items: center; min-height: 2.75rem; padding: 0 0.75rem; border-radius: 0.375rem; background: #fff; color: var(--cp-color-brand-dark, #004d2d); font-weight: 600; text-decoration: none; }
  `,
})
export class AccountMenu {
  protected readonly session = inject(AuthSession);
  private readonly container = inject(ViewContainerRef);

  constructor() {
    effect(() => {
      if (this.session.signedIn()) void this.showPanel();
      else this.container.clear();
    });
  }

  private async showPanel(): Promise<void> {
    const { AccountPanel } = await import('./account-panel');
    if (this.session.signedIn() && this.container.length === 0) this.container.createComponent(AccountPanel);
  }
}
