import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthSession } from '../session/auth-session';

/** Shown in place of a page that the signed-in account may not open (the address stays). */
@Component({
  selector: 'cp-forbidden-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="auth-page" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">{{ 'auth.forbidden.title' | transloco }}</h1>
      <p>{{ 'auth.forbidden.message' | transloco: { name: session.user()?.displayName ?? '' } }}</p>
      @if (page()) {
        <p>{{ 'auth.forbidden.page' | transloco: { page: page() } }}</p>
      }
      <p>{{ 'auth.forbidden.hint' | transloco }}</p>
      <p><a class="cp-button" routerLink="/">{{ 'auth.forbidden.home' | transloco }}</a></p>
      <p><button type="button" class="cp-button cp-button--secondary" (click)="switchAccount()">{{ 'auth.forbidden.switch' | transloco }}</button></p>
    </section>
  `,
  styleUrl: './auth-page.css',
})
export class ForbiddenPage {
  readonly page = input<string>();
  protected readonly session = inject(AuthSession);
  private readonly router = inject(Router);

  protected async switchAccount(): Promise<void> {
    await this.session.logout();
    await this.router.navigate(['/connexion'], { queryParams: { retour: this.page() } });
  }
}
