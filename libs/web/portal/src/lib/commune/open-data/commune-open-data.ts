import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { TransparencyApi } from '@communes/web-data-access';
import { TranslocoPipe } from '@jsverse/transloco';
import { CommuneContext } from '../commune-context';

/** The commune's open data files, each with what it is for. */
@Component({
  selector: 'cp-commune-open-data',
  imports: [TranslocoPipe],
  template: `
    <h2>{{ 'portal.commune.openData.title' | transloco }}</h2>
    <p class="intro">{{ 'portal.commune.openData.intro' | transloco }}</p>
    <ul class="items">
      @for (file of files(); track file.key) {
        <li class="cp-card">
          <p class="item__title">
            <a [href]="file.url" download>{{
              'portal.commune.openData.' + file.key | transloco
            }}</a>
          </p>
          <p class="item__meta">
            {{ 'portal.commune.openData.' + file.key + 'Text' | transloco }}
          </p>
        </li>
      }
    </ul>
  `,
  styleUrl: '../commune-section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommuneOpenData {
  private readonly api = inject(TransparencyApi);
  private readonly context = inject(CommuneContext);

  protected readonly files = computed(() => {
    const slug = this.context.slug();
    return [
      { key: 'ocds', url: this.api.ocdsUrl(slug) },
      { key: 'fdp', url: this.api.dataPackageUrl(slug) },
      { key: 'csv', url: this.api.budgetsCsvUrl(slug) },
    ];
  });
}
