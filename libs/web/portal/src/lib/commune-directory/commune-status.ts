import type { CommuneStatus } from '@communes/shared-contracts';

/** How a commune's status reads in French; a Record so a new status fails to compile here. */
export const COMMUNE_STATUS_LABELS: Readonly<Record<CommuneStatus, string>> = {
  active: 'Active',
  onboarding: "En cours d'intégration",
  not_onboarded: 'Pas encore intégrée',
  suspended: 'Suspendue',
};
