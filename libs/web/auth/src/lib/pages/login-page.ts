import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@communes/web-data-access';
import { AuthSession } from '../session/auth-session';
import { formValues } from './form-values';
import { homeOf } from './home-of';

@Component({
  selector: 'cp-login-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="auth-page">
      <h1>{{ 'auth.login.title' | transloco }}</h1>
      @if (session.endReason(); as reason) {
        <p class="cp-notice" role="status">{{ 'auth.login.' + reason | transloco }}</p>
      }
      <form #form (submit)="$event.preventDefault(); submit(form)">
        <div class="cp-field">
          <label for="login-identifier">{{ 'auth.login.identifier' | transloco }}</label>
          <input id="login-identifier" name="identifier" required autocomplete="username" inputmode="email" />
        </div>
        <div class="cp-field">
          <label for="login-password">{{ 'auth.login.password' | transloco }}</label>
          <input id="login-password" name="password" type="password" required autocomplete="current-password" />
        </div>
        @if (error()) {
          <p class="cp-notice error" role="alert">{{ error() }}</p>
        }
        <button class="cp-button" type="submit" [disabled]="busy()">
          {{ (busy() ? 'auth.login.submitting' : 'auth.login.submit') | transloco }}
        </button>
      </form>
      <p>{{ 'auth.login.noAccount' | transloco }} <a routerLink="/inscription">{{ 'auth.login.signUpLink' | transloco }}</a></p>
    </section>
  `,
  styleUrl: './auth-page.css',
})
export class LoginPage {
  protected readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(form: HTMLFormElement): Promise<void> {
    const { identifier, password } = formValues(form);
    this.busy.set(true);
    this.error.set(null);
    try {
      const user = await this.session.login(identifier, password);
      const back = this.route.snapshot.queryParamMap.get('retour');
      await this.router.navigateByUrl(back && back.startsWith('/') ? back : homeOf(user));
    } catch (error) {
      const invalid = error instanceof ApiError && (error.status === 401 || error.status === 400);
      this.error.set(
        invalid ? this.transloco.translate('auth.login.invalid') : error instanceof ApiError && error.detail ? error.detail : this.transloco.translate('errors.network'),
      );
    } finally {
      this.busy.set(false);
    }
  }
}
