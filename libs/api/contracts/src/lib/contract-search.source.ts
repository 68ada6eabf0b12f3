import { Injectable, OnModuleInit } from '@nestjs/common';
import type { SearchRecord } from '@communes/shared-contracts';
import { IndexedCommune, SearchRecordSource, SearchSources } from '@communes/api-search';
import { CONTRACT_STATUS_LABELS_FR, PROCUREMENT_CATEGORY_LABELS_FR, PROCUREMENT_METHOD_LABELS_FR } from './contract-labels';
import { ContractRecord, ContractsRepository } from './contracts.repository';

/** The search record id of a contract (see the search outbox). */
export const contractSearchId = (contractId: string) => `contract:${contractId}`;

/**
 * A published contract as one search record: found by its object, reference, awardee (name and
 * IFU), method, category, funding source, and its status (so that a status change is reindexed).
 */
export function contractSearchRecord(commune: IndexedCommune, contract: ContractRecord): SearchRecord {
  return {
    id: contractSearchId(contract.id),
    kind: 'contract',
    communeId: commune.id,
    communeSlug: commune.slug,
    communeName: commune.name,
    department: commune.department,
    title: contract.object,
    body: [
      contract.reference,
      contract.awardeeName,
      contract.awardeeIdentifier,
      PROCUREMENT_METHOD_LABELS_FR[contract.procurementMethod],
      PROCUREMENT_CATEGORY_LABELS_FR[contract.category],
      contract.fundingSource,
      CONTRACT_STATUS_LABELS_FR[contract.status],
    ]
      .filter(Boolean)
      .join('\n'),
    category: contract.category,
    fiscalYear: Number(contract.awardDate.slice(0, 4)),
    amount: contract.amount,
    date: contract.awardDate,
    url: `/communes/${commune.slug}/contracts/${contract.id}`,
  };
}

/** Published contracts in the shared search index. */
@Injectable()
export class ContractSearchSource implements SearchRecordSource, OnModuleInit {
  readonly kind = 'contract' as const;

  constructor(
    private readonly contracts: ContractsRepository,
    private readonly sources: SearchSources,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async load(commune: IndexedCommune, recordIds: readonly string[]): Promise<SearchRecord[]> {
    const ids = recordIds.map((id) => id.slice('contract:'.length));
    const rows = await this.contracts.searchable(commune.id, ids);
    return rows.map((row) => contractSearchRecord(commune, row));
  }

  async allIds(commune: IndexedCommune): Promise<string[]> {
    return (await this.contracts.publishedIds(commune.id)).map(contractSearchId);
  }
}
