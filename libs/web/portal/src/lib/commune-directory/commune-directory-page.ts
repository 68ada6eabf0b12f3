import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { ApiError, CommunesApi } from '@communes/web-data-access';
import {
  COMMUNE_STATUSES,
  type CommuneStatus,
} from '@communes/shared-contracts';
import { COMMUNE_STATUS_LABELS } from './commune-status';
import {
  communeCount,
  departmentsOf,
  filterCommunes,
  groupByDepartment,
} from './directory';

interface LoadFailure {
  message: string;
  detail: string | null;
  requestId: string | null;
}

/**
 * The public directory: every commune of the national list, grouped by department, with its
 * status on the platform. Loads the whole list once (77 rows) and filters in the browser, so
 * changing a filter costs no request on a slow connection.
 */
@Component({
  selector: 'cp-commune-directory-page',
  templateUrl: './commune-directory-page.html',
  styleUrl: './commune-directory-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommuneDirectoryPage {
  private readonly api = inject(CommunesApi);

  protected readonly statuses = COMMUNE_STATUSES;
  protected readonly statusLabels = COMMUNE_STATUS_LABELS;
  protected readonly communeCount = communeCount;

  protected readonly communes = rxResource({ stream: () => this.api.list() });

  protected readonly department = signal('');
  protected readonly status = signal<CommuneStatus | ''>('');

  private readonly all = computed(() =>
    this.communes.hasValue() ? this.communes.value().items : [],
  );
  protected readonly departments = computed(() => departmentsOf(this.all()));
  protected readonly isFiltered = computed(
    () => this.department() !== '' || this.status() !== '',
  );
  private readonly visible = computed(() =>
    filterCommunes(this.all(), {
      department: this.department(),
      status: this.status(),
    }),
  );
  protected readonly groups = computed(() => groupByDepartment(this.visible()));
  protected readonly countLabel = computed(() => {
    const shown = communeCount(this.visible().length);
    return this.isFiltered() ? `${shown} sur ${this.all().length}` : shown;
  });

  protected readonly failure = computed<LoadFailure | null>(() => {
    const error = this.communes.error();
    if (!error) {
      return null;
    }
    const apiError = error instanceof ApiError ? error : null;
    return {
      message: failureMessage(apiError),
      detail: apiError?.detail ?? null,
      requestId: apiError?.requestId ?? null,
    };
  });

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

function failureMessage(error: ApiError | null): string {
  if (error?.isNetworkError) {
    return 'Le serveur ne répond pas. Vérifiez votre connexion Internet, puis réessayez.';
  }
  if (error && error.status >= 500) {
    return 'Le service rencontre un problème passager. Réessayez dans quelques instants.';
  }
  return 'Une erreur inattendue est survenue. Réessayez dans quelques instants.';
}
