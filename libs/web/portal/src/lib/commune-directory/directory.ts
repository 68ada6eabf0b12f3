import type { CommuneStatus, CommuneSummary } from '@communes/shared-contracts';

export interface DepartmentGroup {
  department: string;
  communes: CommuneSummary[];
}

export interface DirectoryFilters {
  /** Empty for all departments. */
  department: string;
  /** Empty for all statuses. */
  status: CommuneStatus | '';
}

const collator = new Intl.Collator('fr', {
  sensitivity: 'base',
  numeric: true,
});

/** Department names, without duplicates, in French alphabetical order (accents ignored). */
export function departmentsOf(communes: readonly CommuneSummary[]): string[] {
  return [...new Set(communes.map((c) => c.department))].sort(collator.compare);
}

export function filterCommunes(
  communes: readonly CommuneSummary[],
  { department, status }: DirectoryFilters,
): CommuneSummary[] {
  return communes.filter(
    (c) =>
      (department === '' || c.department === department) &&
      (status === '' || c.status === status),
  );
}

/** Groups by department, both departments and communes in French alphabetical order. */
export function groupByDepartment(
  communes: readonly CommuneSummary[],
): DepartmentGroup[] {
  const groups = new Map<string, CommuneSummary[]>();
  for (const commune of communes) {
    const group = groups.get(commune.department);
    if (group) {
      group.push(commune);
    } else {
      groups.set(commune.department, [commune]);
    }
  }
  return [...groups.keys()].sort(collator.compare).map((department) => ({
    department,
    communes: (groups.get(department) ?? []).sort((a, b) =>
      collator.compare(a.name, b.name),
    ),
  }));
}
