import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { CommunesApi } from '@communes/web-data-access';
import { LoadFailure, PluralPipe } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  COMMUNE_STATUSES,
  type CommuneStatus,
} from '@communes/shared-contracts';
import { departmentsOf, filterCommunes, groupByDepartment } from './directory';

/**
 * The public directory: every commune of the national list, grouped by department, with its
 * status on the platform. Loads the whole list once (77 rows) and filters in the browser, so
 * changing a filter costs no request on a slow connection.
 */
@Component({
  selector: 'cp-commune-directory-page',
  imports: [RouterLink, TranslocoPipe, PluralPipe, LoadFailure],
  templateUrl: './commune-directory-page.html',
  styleUrl: './commune-directory-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommuneDirectoryPage {
  private readonly api = inject(CommunesApi);

  protected readonly statuses = COMMUNE_STATUSES;

  protected readonly communes = rxResource({ stream: () => this.api.list() });

  protected readonly department = signal('');
  protected readonly status = signal<CommuneStatus | ''>('');

  protected readonly all = computed(() =>
    this.communes.hasValue() ? this.communes.value().items : [],
  );
  protected readonly departments = computed(() => departmentsOf(this.all()));
  protected readonly isFiltered = computed(
    () => this.department() !== '' || this.status() !== '',
  );
  protected readonly visible = computed(() =>
    filterCommunes(this.all(), {
      department: this.department(),
      status: this.status(),
    }),
  );
  protected readonly groups = computed(() => groupByDepartment(this.visible()));
  protected selectDepartment(value: string): void {
    this.department.set(value);
  }

  protected selectStatus(value: string): void {
    this.status.set(isCommuneStatus(value) ? value : '');
  }

  protected resetFilters(): void {
    this.department.set('');
    this.status.set('');
  }

  protected retry(): void {
    this.communes.reload();
  }
}

function isCommuneStatus(value: string): value is CommuneStatus {
  return (COMMUNE_STATUSES as readonly string[]).includes(value);
}
