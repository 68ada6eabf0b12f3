import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthSession } from '@communes/web-auth';
import { TranslocoPipe } from '@jsverse/transloco';

/** `/console`: the communes this account works for. */
@Component({
  selector: 'cp-console-home-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'console.home.title' | transloco }}</h1>
    @if (session.memberships().length) {
      <p>{{ 'console.home.choose' | transloco }}</p>
      <ul>
        @for (m of session.memberships(); track m.communeId) {
          <li><a [routerLink]="['/console', m.communeSlug]">{{ m.communeName }}</a> ({{ 'console.members.roles.' + m.role | transloco }})</li>
        }
      </ul>
    } @else {
      <p class="cp-notice">{{ 'console.home.none' | transloco }}</p>
    }
  `,
})
export class ConsoleHomePage {
  protected readonly session = inject(AuthSession);
}
