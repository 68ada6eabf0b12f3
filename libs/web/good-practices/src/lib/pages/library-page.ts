import { ChangeDetectionStrategy, Component, computed, inject, resource } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink, type Params } from '@angular/router';
import { GOOD_PRACTICE_THEMES, type GoodPracticeTheme } from '@communes/shared-contracts';
import { DatePipe as CpDatePipe, LoadFailure, PluralPipe } from '@communes/web-ui';
import { Pager } from '@communes/web-ui/pager';
import { TranslocoPipe } from '@jsverse/transloco';
import { GoodPracticesApi, type LibraryQuery } from '../good-practices-api';

const PAGE_SIZE = 12;

/**
 * `/bonnes-pratiques`: the national library. Search box, theme chips (with counts), department,
 * commune and year filters, cards. The filters live in the address, so a search can be shared and the
 * back button undoes a filter. The page is there too (`page`), so previous and next are links.
 */
@Component({
  selector: 'cp-library-page',
  imports: [TranslocoPipe, RouterLink, CpDatePipe, LoadFailure, PluralPipe, Pager],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/practices.css',
  template: `
    <h1>{{ 'practices.library.title' | transloco }}</h1>
    <p>{{ 'practices.library.intro' | transloco }}</p>

    <form role="search" #searchForm (submit)="$event.preventDefault(); search(searchForm)">
      <div class="cp-field">
        <label for="practices-q">{{ 'practices.library.search' | transloco }}</label>
        <p class="hint" id="practices-q-hint">{{ 'practices.library.searchHint' | transloco }}</p>
        <div class="row">
          <input id="practices-q" name="q" type="search" maxlength="200" [value]="query().q ?? ''" aria-describedby="practices-q-hint" class="search-input" />
          <button class="cp-button" type="submit">{{ 'practices.library.searchButton' | transloco }}</button>
        </div>
      </div>
    </form>

    <h2 id="practices-themes" class="hint">{{ 'practices.library.themes' | transloco }}</h2>
    <ul class="chips" aria-labelledby="practices-themes">
      <li>
        <button type="button" class="chip" [attr.aria-pressed]="!query().theme" (click)="setFilter({ theme: null })">{{ 'practices.library.allThemes' | transloco }}</button>
      </li>
      @for (t of themes; track t) {
        <li>
          <button type="button" class="chip" [attr.aria-pressed]="query().theme === t" (click)="setFilter({ theme: query().theme === t ? null : t })">
            {{ 'practices.theme.' + t | transloco }}@if (themeCounts()[t]; as n) { ({{ n }}) }
          </button>
        </li>
      }
    </ul>

    <div class="row">
      <div class="cp-field">
        <label for="practices-department">{{ 'practices.library.department' | transloco }}</label>
        <select id="practices-department" (change)="setFilter({ department: $any($event.target).value || null })">
          <option value="" [selected]="!query().department">{{ 'practices.library.all' | transloco }}</option>
          @for (d of departments(); track d.department) {
            <option [value]="d.department" [selected]="query().department === d.department">{{ d.department }} ({{ d.count }})</option>
          }
        </select>
      </div>
      <div class="cp-field">
        <label for="practices-commune">{{ 'practices.library.commune' | transloco }}</label>
        <select id="practices-commune" (change)="setFilter({ commune: $any($event.target).value || null })">
          <option value="" [selected]="!query().commune">{{ 'practices.library.all' | transloco }}</option>
          @for (c of communes(); track c.slug) {
            <option [value]="c.slug" [selected]="query().commune === c.slug">{{ c.name }} ({{ c.count }})</option>
          }
        </select>
      </div>
      <div class="cp-field">
        <label for="practices-year">{{ 'practices.library.year' | transloco }}</label>
        <select id="practices-year" (change)="setFilter({ year: $any($event.target).value || null })">
          <option value="" [selected]="!query().year">{{ 'practices.library.all' | transloco }}</option>
          @for (y of years(); track y.year) {
            <option [value]="y.year" [selected]="query().year === y.year">{{ y.year }} ({{ y.count }})</option>
          }
        </select>
      </div>
      @if (filtered()) {
        <button type="button" class="cp-button cp-button--secondary" (click)="clear()">{{ 'practices.library.clear' | transloco }}</button>
      }
    </div>

    @if (library.error()) {
      <cp-load-failure [heading]="'practices.library.loadError' | transloco" [error]="library.error()" (retry)="library.reload()" />
    } @else if (library.hasValue()) {
      @let result = library.value();
      <p role="status">
        @if (result.total === 0) {
          {{ 'practices.library.count.none' | transloco }}
        } @else {
          {{ 'practices.library.count' | cpPlural: result.total }}
        }
      </p>
      <ul class="cards">
        @for (p of result.items; track p.id) {
          <li class="cp-card">
            <p class="meta"><span class="badge">{{ 'practices.theme.' + p.theme | transloco }}</span></p>
            <h2><a [routerLink]="p.id">{{ p.title }}</a></h2>
            <p class="meta">{{ 'practices.practice.by' | transloco: { commune: p.communeName, department: p.department } }}</p>
            <p>{{ p.summary }}</p>
            @if (p.publishedAt) {
              <p class="meta">{{ 'practices.library.publishedOn' | transloco: { date: (p.publishedAt | cpDate) } }}</p>
            }
          </li>
        }
      </ul>
      <cp-pager [page]="page()" [pages]="pages()" queryParam="page" />
    } @else {
      <p role="status">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class LibraryPage {
  private readonly api = inject(GoodPracticesApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly themes = GOOD_PRACTICE_THEMES;
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });

  protected readonly query = computed<LibraryQuery>(() => {
    const params = this.params();
    const theme = params.get('theme');
    const year = Number(params.get('annee'));
    const page = Number(params.get('page'));
    return {
      q: params.get('q') || undefined,
      theme: theme && (GOOD_PRACTICE_THEMES as readonly string[]).includes(theme) ? (theme as GoodPracticeTheme) : undefined,
      department: params.get('departement') || undefined,
      commune: params.get('commune') || undefined,
      year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
      page: Number.isInteger(page) && page > 1 ? page : undefined,
    };
  });
  protected readonly library = resource({ params: () => this.query(), loader: ({ params }) => this.api.library(params) });
  protected readonly page = computed(() => this.query().page ?? 1);
  protected readonly pages = computed(() => (this.library.hasValue() ? Math.max(1, Math.ceil(this.library.value().total / PAGE_SIZE)) : 1));
  protected readonly themeCounts = computed<Partial<Record<GoodPracticeTheme, number>>>(() =>
    Object.fromEntries((this.library.hasValue() ? this.library.value().themes : []).map((t) => [t.theme, t.count])),
  );
  protected readonly departments = computed(() => (this.library.hasValue() ? this.library.value().departments : []));
  protected readonly communes = computed(() => (this.library.hasValue() ? this.library.value().communes : []));
  protected readonly years = computed(() => (this.library.hasValue() ? this.library.value().years : []));
  protected readonly filtered = computed(() => {
    const q = this.query();
    return Boolean(q.q || q.theme || q.department || q.commune || q.year);
  });

  protected search(form: HTMLFormElement): void {
    const q = (new FormData(form).get('q') ?? '').toString().trim();
    this.setFilter({ q: q || null });
  }

  /** Any filter change goes back to the first page. */
  protected setFilter(change: { q?: string | null; theme?: string | null; department?: string | null; commune?: string | null; year?: string | number | null }): void {
    const params: Params = { page: null };
    if ('q' in change) params['q'] = change.q;
    if ('theme' in change) params['theme'] = change.theme;
    if ('department' in change) params['departement'] = change.department;
    if ('commune' in change) params['commune'] = change.commune;
    if ('year' in change) params['annee'] = change.year;
    void this.router.navigate([], { relativeTo: this.route, queryParams: params, queryParamsHandling: 'merge' });
  }

  protected clear(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }
}
