import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { forkJoin } from 'rxjs';
import {
  CommunesApi,
  SearchApi,
  TransparencyApi,
} from '@communes/web-data-access';
import { NumberPipe } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';

interface Figure {
  value: number;
  /** The value is a floor: the search counts at most that many. */
  atLeast: boolean;
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
  /** Only the totals are used: one record per kind is enough. */
  private readonly published = rxResource({
    stream: () =>
      forkJoin({
        documents: this.searchApi.search({ kind: ['document'], pageSize: 1 }),
        contracts: this.searchApi.search({ kind: ['contract'], pageSize: 1 }),
      }),
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
          atLeast: false,
          labelKey: 'portal.home.communesOnPlatform',
        },
        {
          value: this.communes.value().total,
          atLeast: false,
          labelKey: 'portal.home.communesTotal',
        },
      );
    }
    if (this.published.hasValue()) {
      const { documents, contracts } = this.published.value();
      figures.push(
        {
          value: documents.total,
          atLeast: !documents.exhaustive,
          labelKey: 'portal.home.documents',
        },
        {
          value: contracts.total,
          atLeast: !contracts.exhaustive,
          labelKey: 'portal.home.contracts',
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
