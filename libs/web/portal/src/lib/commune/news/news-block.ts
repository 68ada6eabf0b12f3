import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NewsApi } from '@communes/web-data-access';
import { DatePipe } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * The latest three articles on the commune's overview, each linking to its page. Secondary: if
 * the list fails or is empty, the block simply does not show.
 */
@Component({
  selector: 'cp-news-block',
  imports: [RouterLink, TranslocoPipe, DatePipe],
  template: `
    @if (news.hasValue() && news.value().items.length > 0) {
      <section aria-labelledby="actualites-titre">
        <h2 id="actualites-titre">{{ 'portal.commune.news.latest' | transloco }}</h2>
        <ul class="items">
          @for (article of news.value().items; track article.id) {
            <li class="cp-card">
              @if (article.publishedAt) {
                <p class="item__date">
                  <time [attr.datetime]="article.publishedAt">{{ article.publishedAt | cpDate }}</time>
                </p>
              }
              <a [routerLink]="['actualites', article.id]" lang="fr">{{ article.title }}</a>
              @if (article.summary) {
                <p class="item__meta" lang="fr">{{ article.summary }}</p>
              }
            </li>
          }
        </ul>
        <p>
          <a routerLink="actualites">{{ 'portal.commune.news.seeAll' | transloco }}</a>
        </p>
      </section>
    }
  `,
  styleUrl: '../commune-section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewsBlock {
  private readonly api = inject(NewsApi);
  /** The commune's slug, or undefined while it is not active (nothing is asked then). */
  readonly slug = input<string | undefined>(undefined);

  protected readonly news = rxResource({
    params: () => this.slug(),
    stream: ({ params }) => this.api.list(params, { pageSize: 3 }),
  });
}
