/**
 * A commune's life on the platform: listed from the national list, being onboarded by ANCB,
 * active (publishing), or suspended by ANCB.
 */
export const COMMUNE_STATUSES = ['not_onboarded', 'onboarding', 'active', 'suspended'] as const;
export type CommuneStatus = (typeof COMMUNE_STATUSES)[number];

/** Allowed status changes; anything else is refused with `commune.invalid-status-transition`. */
export const COMMUNE_STATUS_TRANSITIONS: Readonly<Record<CommuneStatus, readonly CommuneStatus[]>> = {
  not_onboarded: ['onboarding'],
  onboarding: ['active'],
  active: ['suspended'],
  suspended: ['active'],
};

export const ONBOARDING_CHECKLIST_ITEMS = [
  'focal_point_named',
  'staff_trained',
  'first_documents_published',
] as const;
export type OnboardingChecklistItem = (typeof ONBOARDING_CHECKLIST_ITEMS)[number];

export interface OnboardingChecklistEntry {
  item: OnboardingChecklistItem;
  done: boolean;
  /** ISO 8601 date-time when the item was ticked, null while open. */
  doneAt: string | null;
}

/** What the public directory shows for each commune. */
export interface CommuneSummary {
  id: string;
  slug: string;
  name: string;
  department: string;
  country: string;
  status: CommuneStatus;
  isPilot: boolean;
}

export interface CommuneDetail extends CommuneSummary {
  population: number | null;
  onboardingStartedAt: string | null;
  activatedAt: string | null;
  suspendedAt: string | null;
  suspensionReason: string | null;
  checklist: OnboardingChecklistEntry[];
}

export interface CommuneList {
  items: CommuneSummary[];
  total: number;
}
