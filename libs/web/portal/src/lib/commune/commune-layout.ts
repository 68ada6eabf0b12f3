import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  NavigationEnd,
  Router,
  RouterLink,
  RouterLinkActive,
  RouterOutlet,
  TitleStrategy,
} from '@angular/router';
import {
  LoadFailure,
  NumberPipe,
  TranslatedTitleStrategy,
} from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { CommuneContext } from './commune-context';

/** The sections of a commune's page, as child routes. */
export const COMMUNE_TABS = [
  { path: '.', key: 'overview', exact: true },
  { path: 'agenda', key: 'agenda', exact: false },
  { path: 'actualites', key: 'news', exact: false },
  { path: 'sessions', key: 'sessions', exact: false },
  { path: 'documents', key: 'documents', exact: false },
  { path: 'budgets', key: 'budget', exact: false },
  { path: 'contracts', key: 'contracts', exact: false },
  { path: 'open-data', key: 'openData', exact: false },
  // Participation pages (lazy lib web-participation, routed by the app at these paths).
  { path: 'doleances', key: 'feedback', exact: false },
  { path: 'consultations', key: 'consultations', exact: false },
  { path: 'debats', key: 'debates', exact: false },
] as const;

/**
 * A commune's public page: a header in the commune's colours and logo (the national look when
 * it has none), its sections as tabs, the section in the outlet.
 */
@Component({
  selector: 'cp-commune-layout',
  imports: [
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslocoPipe,
    NumberPipe,
    LoadFailure,
  ],
  providers: [CommuneContext],
  templateUrl: './commune-layout.html',
  styleUrl: './commune-layout.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommuneLayout {
  protected readonly context = inject(CommuneContext);
  protected readonly tabs = COMMUNE_TABS;

  constructor() {
    this.keepActiveTabVisible();
    const titles = inject(TitleStrategy);
    if (titles instanceof TranslatedTitleStrategy) {
      effect(() => {
        const commune = this.context.commune.hasValue()
          ? this.context.commune.value()
          : null;
        titles.setDetail(commune?.name ?? null);
      });
      inject(DestroyRef).onDestroy(() => titles.setDetail(null));
    }
  }

  /** On a phone the tabs scroll sideways: bring the current one into view after each move. */
  private keepActiveTabVisible(): void {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    const injector = inject(Injector);
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() =>
        afterNextRender(
          () => {
            const active = host.querySelector('.tabs a.active');
            if (active && typeof active.scrollIntoView === 'function') {
              active.scrollIntoView({ block: 'nearest', inline: 'nearest' });
            }
          },
          { injector },
        ),
      );
  }
}
