import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, Injectable, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { goodPracticeLibraryControllerLibrary } from '@communes/web-api-client';
import { API_BASE_URL } from '@communes/web-data-access';
import { TranslocoPipe } from '@jsverse/transloco';
import { map, type Observable } from 'rxjs';

/** How many practices the overview lists; the library has the rest. */
export const PRACTICES_ON_OVERVIEW = 3;

export interface CommunePractices {
  items: { id: string; title: string }[];
  total: number;
}

/** The library's list filtered on one commune: its published practices, newest first. */
@Injectable({ providedIn: 'root' })
export class CommunePracticesApi {
  private readonly http = inject(HttpClient);
  private readonly root = inject(API_BASE_URL);

  latest(slug: string, count = PRACTICES_ON_OVERVIEW): Observable<CommunePractices> {
    return goodPracticeLibraryControllerLibrary(this.http, this.root, { commune: slug, pageSize: count }).pipe(
      map((response) => ({ items: response.body.items.map(({ id, title }) => ({ id, title })), total: response.body.total })),
    );
  }
}

/**
 * The commune's good practices published in ANCB's national library (the library's own list,
 * filtered on the commune: published ones only, whoever reads), each linking to its page.
 * Secondary, like the news block: when there is none, or the list fails, the block does not show.
 */
@Component({
  selector: 'cp-practices-block',
  imports: [RouterLink, TranslocoPipe],
  template: `
    @if (practices.hasValue() && practices.value().items.length > 0) {
      @let page = practices.value();
      <section aria-labelledby="bonnes-pratiques-titre">
        <h2 id="bonnes-pratiques-titre">{{ 'portal.commune.overview.practicesHeading' | transloco }}</h2>
        <ul class="items">
          @for (practice of page.items; track practice.id) {
            <li class="cp-card">
              <a [routerLink]="['/bonnes-pratiques', practice.id]" lang="fr">{{ practice.title }}</a>
            </li>
          }
        </ul>
        <p>
          <a routerLink="/bonnes-pratiques" [queryParams]="{ commune: slug() }">{{
            (page.total > page.items.length ? 'portal.commune.overview.seePractices' : 'portal.commune.overview.practicesLibrary') | transloco: { count: page.total }
          }}</a>
        </p>
      </section>
    }
  `,
  styleUrl: '../commune-section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticesBlock {
  private readonly api = inject(CommunePracticesApi);
  /** The commune's slug, or undefined while it is not active (nothing is asked then). */
  readonly slug = input<string | undefined>(undefined);

  protected readonly practices = rxResource({
    params: () => this.slug(),
    stream: ({ params }) => this.api.latest(params),
  });
}
