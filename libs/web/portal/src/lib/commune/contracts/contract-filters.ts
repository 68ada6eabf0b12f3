import type { Params, ParamMap } from '@angular/router';
import type { ContractFilters } from '@communes/web-data-access';

export const CONTRACT_CATEGORIES = ['goods', 'works', 'services'] as const;
export const CONTRACT_METHODS = [
  'open',
  'selective',
  'limited',
  'direct',
] as const;
export const CONTRACT_STATUSES = [
  'pending',
  'active',
  'cancelled',
  'terminated',
] as const;
export const CONTRACT_SORTS = ['-awardDate', '-amount', 'reference'] as const;
export const CONTRACTS_PAGE_SIZE = 25;

/** The contracts table's filters as the URL holds them ('' for none). */
export interface ContractListState {
  year: string;
  category: string;
  method: string;
  status: string;
  awardee: string;
  sort: string;
  page: number;
}

function oneOf(value: string | null, allowed: readonly string[]): string {
  return value !== null && allowed.includes(value) ? value : '';
}

export function parseContractState(params: ParamMap): ContractListState {
  const page = Number(params.get('page') ?? '1');
  const year = params.get('annee') ?? '';
  return {
    year: /^\d{4}$/.test(year) ? year : '',
    category: oneOf(params.get('type'), CONTRACT_CATEGORIES),
    method: oneOf(params.get('mode'), CONTRACT_METHODS),
    status: oneOf(params.get('etat'), CONTRACT_STATUSES),
    awardee: (params.get('attributaire') ?? '').trim().slice(0, 100),
    sort: oneOf(params.get('tri'), CONTRACT_SORTS),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function contractQueryParams(state: ContractListState): Params {
  return {
    annee: state.year || null,
    type: state.category || null,
    mode: state.method || null,
    etat: state.status || null,
    attributaire: state.awardee || null,
    tri: state.sort || null,
    page: state.page > 1 ? state.page : null,
  };
}

export function toContractFilters(state: ContractListState): ContractFilters {
  return {
    year: state.year ? Number(state.year) : undefined,
    category: (state.category || undefined) as ContractFilters['category'],
    procurementMethod: (state.method ||
      undefined) as ContractFilters['procurementMethod'],
    status: (state.status || undefined) as ContractFilters['status'],
    awardee: state.awardee || undefined,
    sort: (state.sort || undefined) as ContractFilters['sort'],
    page: state.page,
    pageSize: CONTRACTS_PAGE_SIZE,
  };
}
