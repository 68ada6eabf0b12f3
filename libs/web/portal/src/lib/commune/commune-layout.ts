import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
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
  RouterOutlet,
  TitleStrategy,
} from '@angular/router';
import {
  AppLinks,
  injectCurrentUrl,
  LoadFailure,
  NumberPipe,
  TranslatedTitleStrategy,
} from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { CommuneContext } from './commune-context';

/** The sections of a commune's page, as child routes. */
export const COMMUNE_TABS = [
  { path: '.', key: 'overview' },
  { path: 'agenda', key: 'agenda' },
  { path: 'actualites', key: 'news' },
  { path: 'sessions', key: 'sessions' },
  { path: 'documents', key: 'documents' },
  { path: 'budgets', key: 'budget' },
  { path: 'contracts', key: 'contracts' },
  { path: 'open-data', key: 'openData' },
  // Participation pages (lazy lib web-participation, routed by the app at these paths).
  { path: 'doleances', key: 'feedback' },
  { path: 'consultations', key: 'consultations' },
  { path: 'debats', key: 'debates' },
] as const;

/** The path of a tab's page: `/communes/cotonou` for the overview, `/communes/cotonou/agenda`… */
export function tabHref(slug: string, path: string): string {
  return path === '.' ? `/communes/${slug}` : `/communes/${slug}/${path}`;
}

/** The tab (its `path`) a commune page's URL belongs to: its first section, `.` for none. */
export function tabOf(url: string): string {
  const segments = url.split(/[?#]/)[0].split('/').filter(Boolean);
  return segments[0] === 'communes' && segments[2] ? segments[2] : '.';
}

/**
 * A commune's public page: a header in the commune's colours and logo (the national look when
 * it has none), its sections as tabs, the section in the outlet.
 */
@Component({
  selector: 'cp-commune-layout',
  imports: [AppLinks, RouterOutlet, TranslocoPipe, NumberPipe, LoadFailure],
  providers: [CommuneContext],
  templateUrl: './commune-layout.html',
  styleUrl: './commune-layout.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommuneLayout {
  protected readonly context = inject(CommuneContext);
  protected readonly tabs = COMMUNE_TABS;
  protected readonly tabHref = tabHref;

  /**
   * The tabs are plain links (`cpAppLinks`), marked current from the URL: eleven `routerLink`s
   * and `routerLinkActive`s cost the take-over of every commune page, on a phone, far more than
   * this one signal.
   */
  private readonly url = injectCurrentUrl();
  protected readonly activeTab = computed(() => tabOf(this.url()));

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
