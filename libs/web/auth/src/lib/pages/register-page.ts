import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AuthSession } from '../session/auth-session';
import { problemText } from './error-message';
import { formValues } from './form-values';

@Component({
  selector: 'cp-register-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="auth-page">
      <h1>{{ 'auth.register.title' | transloco }}</h1>
      <p>{{ 'auth.register.intro' | transloco }}</p>
      <form #form (submit)="$event.preventDefault(); submit(form)">
        <div class="cp-field">
          <label for="register-name">{{ 'auth.register.displayName' | transloco }}</label>
          <input id="register-name" name="displayName" required maxlength="120" autocomplete="name" />
        </div>
        <div class="cp-field">
          <label for="register-email">{{ 'auth.register.email' | transloco }}</label>
          <input id="register-email" name="email" type="email" autocomplete="email" />
        </div>
        <div class="cp-field">
          <label for="register-phone">{{ 'auth.register.phone' | transloco }}</label>
          <input id="register-phone" name="phone" type="tel" autocomplete="tel" />
        </div>
        <div class="cp-field">
          <label for="register-password">{{ 'auth.register.password' | transloco }}</label>
          <input id="register-password" name="password" type="password" required minlength="10" autocomplete="new-password" />
        </div>
        @if (error()) {
          <p class="cp-notice error" role="alert">{{ error() }}</p>
        }
        <button class="cp-button" type="submit" [disabled]="busy()">{{ 'auth.register.submit' | transloco }}</button>
      </form>
      <p>{{ 'auth.register.haveAccount' | transloco }} <a routerLink="/connexion">{{ 'auth.register.loginLink' | transloco }}</a></p>
    </section>
  `,
  styleUrl: './auth-page.css',
})
export class RegisterPage {
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(form: HTMLFormElement): Promise<void> {
    const { displayName, email, phone, password } = formValues(form);
    if (!email && !phone) {
      this.error.set(this.transloco.translate('auth.register.needContact'));
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.session.signUp({
        displayName,
        password,
        ...(email ? { email } : {}),
        ...(phone ? { phone } : {}),
      });
      await this.router.navigateByUrl('/');
    } catch (error) {
      this.error.set(problemText(error, this.transloco.translate('auth.errors.generic')));
    } finally {
      this.busy.set(false);
    }
  }
}
