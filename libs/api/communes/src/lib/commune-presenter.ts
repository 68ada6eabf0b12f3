import type { CommuneDetail, CommuneSummary, OnboardingChecklistEntry } from '@communes/shared-contracts';
import type { CommuneRecord } from './communes.repository';

export function toCommuneSummary(record: CommuneRecord): CommuneSummary {
  return {
    id: record.id,
    slug: record.slug,
    name: record.name,
    department: record.department,
    country: record.country,
    status: record.status,
    isPilot: record.isPilot,
  };
}

export function toCommuneDetail(record: CommuneRecord): CommuneDetail {
  const entry = (item: OnboardingChecklistEntry['item'], at: Date | null): OnboardingChecklistEntry => ({
    item,
    done: at !== null,
    doneAt: at?.toISOString() ?? null,
  });
  return {
    ...toCommuneSummary(record),
    population: record.population,
    onboardingStartedAt: record.onboardingStartedAt?.toISOString() ?? null,
    activatedAt: record.activatedAt?.toISOString() ?? null,
    suspendedAt: record.suspendedAt?.toISOString() ?? null,
    suspensionReason: record.suspensionReason,
    checklist: [
      entry('focal_point_named', record.focalPointNamedAt),
      entry('staff_trained', record.staffTrainedAt),
      entry('first_documents_published', record.firstDocumentsPublishedAt),
    ],
  };
}
