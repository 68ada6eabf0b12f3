import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TransparencyApi } from '@communes/web-data-access';
import { DatePipe, FcfaPipe, LoadFailure, PluralPipe } from '@communes/web-ui';
import { Pager } from '@communes/web-ui/pager';
import { TranslocoPipe } from '@jsverse/transloco';
import { map } from 'rxjs';
import { LabelPipe } from '../../shared/label.pipe';
import { CommuneContext } from '../commune-context';
import {
  CONTRACT_CATEGORIES,
  CONTRACT_METHODS,
  CONTRACT_SORTS,
  CONTRACT_STATUSES,
  contractQueryParams,
  CONTRACTS_PAGE_SIZE,
  type ContractListState,
  parseContractState,
  toContractFilters,
} from './contract-filters';

/** Contracts awarded by the commune: filters in the URL, a table, pages, the OCDS file. */
@Component({
  selector: 'cp-commune-contracts',
  imports: [
    RouterLink,
    TranslocoPipe,
    DatePipe,
    FcfaPipe,
    PluralPipe,
    LabelPipe,
    LoadFailure,
    Pager,
  ],
  templateUrl: './commune-contracts.html',
  styleUrl: '../commune-section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommuneContracts {
  private readonly api = inject(TransparencyApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly context = inject(CommuneContext);

  /** Filters open on a wide screen, folded on a phone (the table matters more there). */
  protected readonly wide =
    typeof matchMedia === 'function' &&
    matchMedia('(min-width: 48rem)').matches;
  protected readonly categories = CONTRACT_CATEGORIES;
  protected readonly methods = CONTRACT_METHODS;
  protected readonly statuses = CONTRACT_STATUSES;
  protected readonly sorts = CONTRACT_SORTS;
  protected readonly sortLabels: Readonly<Record<string, string>> = {
    '-awardDate': 'portal.commune.contracts.sortDate',
    '-amount': 'portal.commune.contracts.sortAmount',
    reference: 'portal.commune.contracts.sortReference',
  };
  /** The last ten years, for the year filter. */
  protected readonly years = Array.from(
    { length: 10 },
    (_, i) => new Date().getFullYear() - i,
  );

  protected readonly state = toSignal(
    this.route.queryParamMap.pipe(map(parseContractState)),
    { requireSync: true },
  );

  protected readonly contracts = rxResource({
    params: () => ({ slug: this.context.slug(), state: this.state() }),
    stream: ({ params }) =>
      this.api.contracts(params.slug, toContractFilters(params.state)),
  });

  protected readonly ocdsUrl = computed(() =>
    this.api.ocdsUrl(this.context.slug()),
  );
  protected readonly pages = computed(() =>
    this.contracts.hasValue()
      ? Math.max(
          1,
          Math.ceil(this.contracts.value().total / CONTRACTS_PAGE_SIZE),
        )
      : 1,
  );

  protected apply(event: Event, form: Omit<ContractListState, 'page'>): void {
    event.preventDefault();
    this.go({ ...form, page: 1 });
  }

  private go(state: ContractListState): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: contractQueryParams(state),
    });
  }
}
