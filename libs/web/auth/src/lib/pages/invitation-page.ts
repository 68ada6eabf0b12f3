import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AuthSession } from '../session/auth-session';
import { problemText } from './error-message';
import { formValues } from './form-values';

/** `/invitations/:token`: the link sent to a new member of a commune's team. */
@Component({
  selector: 'cp-invitation-page',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="auth-page">
      <h1>{{ 'auth.invitation.title' | transloco }}</h1>
      @if (session.user(); as user) {
        <p class="cp-notice">{{ 'auth.invitation.signedInAs' | transloco: { name: user.displayName } }}</p>
      } @else {
        <p>{{ 'auth.invitation.intro' | transloco }}</p>
      }
      <form #form (submit)="$event.preventDefault(); submit(form)">
        <div class="cp-field">
          <label for="invitation-name">{{ 'auth.invitation.displayName' | transloco }}</label>
          <input id="invitation-name" name="displayName" required maxlength="120" autocomplete="name" />
        </div>
        <div class="cp-field">
          <label for="invitation-password">{{ 'auth.invitation.password' | transloco }}</label>
          <input id="invitation-password" name="password" type="password" required minlength="10" autocomplete="new-password" />
        </div>
        @if (error()) {
          <p class="cp-notice error" role="alert">{{ error() }}</p>
        }
        <button class="cp-button" type="submit" [disabled]="busy()">{{ 'auth.invitation.submit' | transloco }}</button>
      </form>
    </section>
  `,
  styleUrl: './auth-page.css',
})
export class InvitationPage {
  readonly token = input.required<string>();
  protected readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(form: HTMLFormElement): Promise<void> {
    const { displayName, password } = formValues(form);
    this.busy.set(true);
    this.error.set(null);
    try {
      const { communeSlug } = await this.session.acceptInvitation(this.token(), displayName, password);
      await this.router.navigateByUrl(`/console/${communeSlug}`);
    } catch (error) {
      this.error.set(problemText(error, this.transloco.translate('auth.invitation.failed')));
    } finally {
      this.busy.set(false);
    }
  }
}
