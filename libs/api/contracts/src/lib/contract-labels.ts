import type { ContractStatus, ProcurementCategory, ProcurementMethod } from '@communes/shared-contracts';

/** What citizens read for the OCDS codes (search text, messages). Terms of Benin's procurement code. */
export const PROCUREMENT_METHOD_LABELS_FR: Readonly<Record<ProcurementMethod, string>> = {
  open: "Appel d'offres ouvert",
  selective: "Appel d'offres restreint",
  limited: 'Demande de cotation',
  direct: 'Gré à gré',
};

export const PROCUREMENT_CATEGORY_LABELS_FR: Readonly<Record<ProcurementCategory, string>> = {
  works: 'Travaux',
  goods: 'Fournitures',
  services: 'Services',
};

export const CONTRACT_STATUS_LABELS_FR: Readonly<Record<ContractStatus, string>> = {
  pending: 'En attente',
  active: 'En cours',
  cancelled: 'Annulé',
  terminated: 'Terminé',
};
