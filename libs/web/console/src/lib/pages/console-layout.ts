import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthSession } from '@communes/web-auth';
import { TranslocoPipe } from '@jsverse/transloco';

/** `/console/:slug`: the commune's name and the console's sections. */
@Component({
  selector: 'cp-console-layout',
  imports: [RouterLink, RouterLinkActive, RouterOutlet, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="console-title">{{ 'console.title' | transloco: { commune: communeName() } }}</p>
    <nav [attr.aria-label]="'console.nav.label' | transloco">
      <ul class="tabs">
        <li><a routerLink="documents" routerLinkActive="active" ariaCurrentWhenActive="page">{{ 'console.nav.documents' | transloco }}</a></li>
        <li><a routerLink="imports" routerLinkActive="active" ariaCurrentWhenActive="page">{{ 'console.nav.imports' | transloco }}</a></li>
        <li><a routerLink="agenda" routerLinkActive="active" ariaCurrentWhenActive="page">{{ 'console.nav.agenda' | transloco }}</a></li>
        <li><a routerLink="actualites" routerLinkActive="active" ariaCurrentWhenActive="page">{{ 'console.news.nav' | transloco }}</a></li>
        <li><a routerLink="seances" routerLinkActive="active" ariaCurrentWhenActive="page">{{ 'console.sessions.nav' | transloco }}</a></li>
        <li><a routerLink="debats" routerLinkActive="active" ariaCurrentWhenActive="page">{{ 'console.debates.nav' | transloco }}</a></li>
        <!-- The staff queue lives in libs/web/participation (/console/:slug/doleances). -->
        <li><a routerLink="doleances">{{ 'console.nav.feedback' | transloco }}</a></li>
        <!-- The moderation queue lives in libs/web/participation (/console/:slug/moderation). -->
        @if (canModerate()) {
          <li><a routerLink="moderation">{{ 'console.nav.moderation' | transloco }}</a></li>
        }
        <!-- Good practices live in libs/web/good-practices (/console/:slug/bonnes-pratiques). -->
        <li><a routerLink="bonnes-pratiques">{{ 'app.nav.goodPractices' | transloco }}</a></li>
        @if (isAdmin()) {
          <li><a routerLink="membres" routerLinkActive="active" ariaCurrentWhenActive="page">{{ 'console.nav.members' | transloco }}</a></li>
          <li><a routerLink="identite" routerLinkActive="active" ariaCurrentWhenActive="page">{{ 'console.branding.nav' | transloco }}</a></li>
        }
      </ul>
    </nav>
    <router-outlet />
  `,
  styles: `
    .console-title { margin: 0.5rem 0; font-weight: 600; color: #004d2d; }
    .tabs { display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0 0 1rem; padding: 0; list-style: none; border-bottom: 1px solid #767676; }
    .tabs a { display: inline-block; min-height: 44px; padding: 0.7rem 0.8rem; color: #004d2d; }
    .tabs a.active { font-weight: 700; border-bottom: 3px solid #006b3f; }
  `,
})
export class ConsoleLayout {
  readonly slug = input.required<string>();
  private readonly session = inject(AuthSession);
  private readonly membership = computed(() => this.session.memberships().find((m) => m.communeSlug === this.slug()));
  protected readonly communeName = computed(() => this.membership()?.communeName ?? this.slug());
  protected readonly isAdmin = computed(() => this.membership()?.role === 'admin');
  protected readonly canModerate = computed(() => this.membership()?.role === 'admin' || this.membership()?.role === 'moderator');
}
