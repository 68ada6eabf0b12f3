import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import {
  CommunesApi,
  SearchApi,
  TransparencyApi,
} from '@communes/web-data-access';
import { NumberPipe } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';

interface Figure {
  value: number;
  labelKey: string;
}

/**
 * The national home page: one search box across all communes, a few figures of what is
 * published, the communes already active and the way to the directory. The figures are
 * optional: if they fail to load, the page still offers the search and the directory.
 */
@Component({
  selector: 'cp-home-page',
  imports: [RouterLink, TranslocoPipe, NumberPipe],
  templateUrl: './home-page.html',
  styleUrl: './home-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  private readonly router = inject(Router);
  private readonly communesApi = inject(CommunesApi);
  private readonly searchApi = inject(SearchApi);
  protected readonly nationalOcdsUrl =
    inject(TransparencyApi).nationalOcdsUrl();

  private readonly communes = rxResource({
    stream: () => this.communesApi.list(),
  });
  /** Only the facet counts are used: one record is enough. */
  private readonly published = rxResource({
    stream: () => this.searchApi.search({ pageSize: 1 }),
  });

  protected readonly activeCommunes = computed(() =>
    this.communes.hasValue()
      ? this.communes
          .value()
          .items.filter((c) => c.status === 'active')
          .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
      : [],
  );

  protected readonly figures = computed<Figure[]>(() => {
    const figures: Figure[] = [];
    if (this.communes.hasValue()) {
      figures.push(
        {
          value: this.activeCommunes().length,
          labelKey: 'portal.home.communesOnPlatform',
        },
        {
          value: this.communes.value().total,
          labelKey: 'portal.home.communesTotal',
        },
      );
    }
    if (this.published.hasValue()) {
      const kinds = new Map(
        this.published.value().facets.kinds.map((k) => [k.value, k.count]),
      );
      figures.push(
        {
          value: kinds.get('document') ?? 0,
          labelKey: 'portal.home.documents',
        },
        {
          value: kinds.get('contract') ?? 0,
          labelKey: 'portal.home.contracts',
        },
        {
          value: kinds.get('budget_line') ?? 0,
          labelKey: 'portal.home.budgetLines',
        },
      );
    }
    return figures;
  });

  protected search(event: Event, text: string): void {
    event.preventDefault();
    const q = text.trim();
    void this.router.navigate(['/recherche'], {
      queryParams: q ? { q } : {},
    });
  }
}
