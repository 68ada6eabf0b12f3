import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  resource,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { DatePipe, LoadFailure, PluralPipe } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { CivicApi } from '../civic/civic-api';
import { CommuneContext } from '../commune-context';

/** The commune's debates: open ones first, then closed ones (still readable). */
@Component({
  selector: 'cp-debates-page',
  imports: [RouterLink, TranslocoPipe, DatePipe, PluralPipe, LoadFailure],
  templateUrl: './debates-page.html',
  styleUrls: ['../commune-section.css', './debates.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DebatesPage {
  private readonly api = inject(CivicApi);
  protected readonly slug = inject(CommuneContext).slug;

  protected readonly debates = resource({
    params: () => this.slug(),
    loader: ({ params }) => this.api.debates(params),
  });

  protected readonly groups = computed(() => {
    const all = this.debates.hasValue() ? this.debates.value() : [];
    return [
      { key: 'open', empty: 'noneOpen', items: all.filter((d) => d.state === 'open') },
      { key: 'closed', empty: 'noneClosed', items: all.filter((d) => d.state === 'closed') },
    ];
  });
}
