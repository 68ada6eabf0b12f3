import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NewsApi } from '@communes/web-data-access';
import { DatePipe, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { routeParam } from '../../shared/route-param';
import { CommuneContext } from '../commune-context';
import { paragraphsOf } from './news-paragraphs';

/** `/communes/:slug/actualites/:id`: one article (also where news search results lead). */
@Component({
  selector: 'cp-news-article-page',
  imports: [RouterLink, TranslocoPipe, DatePipe, LoadFailure],
  template: `
    <a class="back" routerLink="..">{{ 'portal.commune.news.back' | transloco }}</a>
    @if (article.error()) {
      <cp-load-failure [heading]="'portal.commune.news.loadArticleError' | transloco" [error]="article.error()" (retry)="article.reload()" />
    } @else if (article.hasValue()) {
      @let a = article.value();
      <article aria-labelledby="article-title">
        <h2 id="article-title" lang="fr">{{ a.title }}</h2>
        @if (a.publishedAt) {
          <p class="item__date">
            {{ 'portal.commune.news.publishedOn' | transloco: { date: (a.publishedAt | cpDate) } }}
          </p>
        }
        @if (coverUrl(); as src) {
          <img class="news-cover" [src]="src" [attr.width]="a.cover?.width" [attr.height]="a.cover?.height" [alt]="a.cover?.alt ?? ''" decoding="async" />
        }
        @if (a.summary) {
          <p class="intro" lang="fr">{{ a.summary }}</p>
        }
        <div class="prose" lang="fr">
          @for (paragraph of paragraphs(); track $index) {
            <p>{{ paragraph }}</p>
          }
        </div>
      </article>
    } @else {
      <p role="status">{{ 'common.loading' | transloco }}</p>
    }
  `,
  styleUrl: '../commune-section.css',
  styles: [
    `
      .news-cover { display: block; width: 100%; max-width: 45rem; height: auto; margin: 0 0 1rem; border-radius: 4px; }
    `,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewsArticlePage {
  private readonly api = inject(NewsApi);
  private readonly context = inject(CommuneContext);
  private readonly id = routeParam('id');

  protected readonly article = rxResource({
    params: () => ({ slug: this.context.slug(), id: this.id() }),
    stream: ({ params }) => this.api.get(params.slug, params.id),
  });
  protected readonly paragraphs = computed(() => (this.article.hasValue() ? paragraphsOf(this.article.value().body) : []));
  protected readonly coverUrl = computed(() => (this.article.hasValue() ? this.api.coverUrl(this.article.value()) : null));
}
