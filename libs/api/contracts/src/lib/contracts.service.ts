import { Injectable } from '@nestjs/common';
import type { ContractInput, ContractStatus } from '@communes/shared-contracts';
import { ConflictError, DomainError, NotFoundError, RequestContext, UnprocessableError } from '@communes/api-core';
import { AuditService } from '@communes/api-audit';
import { CommuneAccess } from '@communes/api-communes';
import { asSubject } from '@communes/shared-permissions';
import { contractSearchId } from './contract-search.source';
import { ContractFilter, ContractRecord, ContractsRepository, ContractSort, LinkedDocument } from './contracts.repository';

export interface ContractWithDocuments extends ContractRecord {
  documents: LinkedDocument[];
}

export interface ContractPage {
  items: ContractRecord[];
  total: number;
  page: number;
  pageSize: number;
}

export type ContractListQuery = Omit<ContractFilter, 'includeDrafts'> & { sort?: ContractSort; page?: number; pageSize?: number };

/** Fields of a contract as entered (create); optional ones default to "none" and status to in force. */
export interface NewContract extends Omit<ContractInput, 'awardeeIdentifier' | 'startDate' | 'endDate' | 'status' | 'fundingSource'> {
  awardeeIdentifier?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  status?: ContractStatus;
  fundingSource?: string | null;
  documentIds?: string[];
}

export type ContractChanges = Partial<ContractInput> & { documentIds?: string[] };

/**
 * Contracts awarded: drafts written by the commune's editors and admins, published for everyone.
 * A published contract stays as citizens saw it; only its status may still change.
 */
@Injectable()
export class ContractsService {
  constructor(
    private readonly access: CommuneAccess,
    private readonly contracts: ContractsRepository,
    private readonly audit: AuditService,
    private readonly requestContext: RequestContext,
  ) {}

  async list(slug: string, query: ContractListQuery): Promise<ContractPage> {
    const commune = await this.access.findBySlug(slug);
    // The ability decides whether drafts are listed; RLS enforces the same in the database.
    const includeDrafts = this.requestContext.ability.can('read', asSubject('Contract', { communeId: commune.id, state: 'draft' }));
    const { sort = '-awardDate', page = 1, pageSize = 20, ...filter } = query;
    const result = await this.access.runIn(commune, () =>
      this.contracts.list(commune.id, { ...filter, includeDrafts }, { sort, limit: pageSize, offset: (page - 1) * pageSize }),
    );
    return { ...result, page, pageSize };
  }

  async get(slug: string, id: string): Promise<ContractWithDocuments> {
    const commune = await this.access.findBySlug(slug);
    return this.access.runIn(commune, async () => {
      const contract = await this.requireContract(commune.id, id);
      this.access.authorize('read', 'Contract', { communeId: commune.id, state: contract.state });
      return { ...contract, documents: await this.contracts.linkedDocuments(commune.id, id) };
    });
  }

  async create(slug: string, input: NewContract): Promise<ContractWithDocuments> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('create', 'Contract', { communeId: commune.id, state: 'draft' });
    const { documentIds, ...fields } = input;
    const contract: ContractInput = {
      ...fields,
      awardeeIdentifier: fields.awardeeIdentifier ?? null,
      startDate: fields.startDate ?? null,
      endDate: fields.endDate ?? null,
      status: fields.status ?? 'active',
      fundingSource: fields.fundingSource ?? null,
    };
    checkPeriod(contract);
    return withReferenceConflict(contract.reference, () =>
      this.access.runIn(commune, async () => {
        await this.assertReferenceFree(commune.id, contract.reference);
        const [created] = await this.contracts.insertDrafts(commune.id, [contract], { createdBy: this.requestContext.actor.userId, importId: null });
        if (documentIds) await this.linkDocuments(commune.id, created.id, documentIds);
        await this.audit.record({ communeId: commune.id, action: 'contract.created', targetType: 'contract', targetId: created.id, details: { reference: created.reference } });
        return { ...created, documents: await this.contracts.linkedDocuments(commune.id, created.id) };
      }),
    );
  }

  async update(slug: string, id: string, changes: ContractChanges): Promise<ContractWithDocuments> {
    const commune = await this.access.findBySlug(slug);
    return withReferenceConflict(changes.reference ?? '', () =>
      this.access.runIn(commune, async () => {
        const contract = await this.requireContract(commune.id, id, { lock: true });
        this.access.authorize('update', 'Contract', { communeId: commune.id, state: contract.state });
        const updated = contract.state === 'published' ? await this.changeStatus(contract, changes) : await this.updateDraft(contract, changes);
        return { ...updated, documents: await this.contracts.linkedDocuments(commune.id, id) };
      }),
    );
  }

  /** Publishes drafts (already published ones are left as they are); returns every named contract. */
  async publish(slug: string, ids: readonly string[]): Promise<ContractRecord[]> {
    const commune = await this.access.findBySlug(slug);
    return this.access.runIn(commune, async () => {
      const found = await this.contracts.findMany(commune.id, ids, { lock: true });
      const missing = ids.filter((id) => !found.some((contract) => contract.id === id));
      if (missing.length > 0) throw new NotFoundError('contract.not-found', `No such contract in this commune: ${missing.join(', ')}.`);
      for (const contract of found) this.access.authorize('publish', 'Contract', { communeId: commune.id, state: contract.state });

      const published = await this.contracts.publish(commune.id, ids);
      await this.contracts.enqueueSearchUpdate(commune.id, published.map(contractSearchId));
      for (const contract of found.filter((c) => published.includes(c.id))) {
        await this.audit.record({ communeId: commune.id, action: 'contract.published', targetType: 'contract', targetId: contract.id, details: { reference: contract.reference } });
      }
      return this.contracts.findMany(commune.id, ids);
    });
  }

  /** Only a draft can be deleted: a published contract stays, with its status (cancelled, terminated). */
  async remove(slug: string, id: string): Promise<void> {
    const commune = await this.access.findBySlug(slug);
    await this.access.runIn(commune, async () => {
      const contract = await this.requireContract(commune.id, id, { lock: true });
      this.access.authorize('delete', 'Contract', { communeId: commune.id, state: contract.state });
      if (contract.state === 'published') {
        throw new ConflictError('contract.published', 'A published contract cannot be deleted; change its status (cancelled, terminated) instead.');
      }
      await this.contracts.deleteDraft(commune.id, id);
      await this.audit.record({ communeId: commune.id, action: 'contract.deleted', targetType: 'contract', targetId: id, details: { reference: contract.reference } });
    });
  }

  private async updateDraft(contract: ContractRecord, changes: ContractChanges): Promise<ContractRecord> {
    const { documentIds, ...fields } = changes;
    const merged: ContractInput = { ...inputOf(contract), ...definedOnly(fields) };
    checkPeriod(merged);
    if (merged.reference.toUpperCase() !== contract.reference.toUpperCase()) await this.assertReferenceFree(contract.communeId, merged.reference);
    const updated = await this.contracts.update(contract.communeId, contract.id, merged);
    if (documentIds) await this.linkDocuments(contract.communeId, contract.id, documentIds);
    const changed = Object.keys(definedOnly(changes));
    await this.audit.record({ communeId: contract.communeId, action: 'contract.updated', targetType: 'contract', targetId: contract.id, details: { reference: updated.reference, changed } });
    return updated;
  }

  /** On a published contract: the status, and nothing else; the change is audited and reindexed. */
  private async changeStatus(contract: ContractRecord, changes: ContractChanges): Promise<ContractRecord> {
    // Fields sent unchanged (a form posting the whole contract) are not changes.
    const { documentIds, ...fields } = changes;
    const current = inputOf(contract);
    const others = Object.entries(definedOnly(fields))
      .filter(([key, value]) => key !== 'status' && value !== current[key as keyof ContractInput])
      .map(([key]) => key);
    if (documentIds) others.push('documentIds');
    if (others.length > 0) {
      throw new ConflictError('contract.published', `A published contract can only change its status; these fields cannot change: ${others.join(', ')}.`);
    }
    if (changes.status === undefined || changes.status === contract.status) return contract;
    const updated = await this.contracts.setStatus(contract.communeId, contract.id, changes.status);
    await this.contracts.enqueueSearchUpdate(contract.communeId, [contractSearchId(contract.id)]);
    await this.audit.record({
      communeId: contract.communeId,
      action: 'contract.status-changed',
      targetType: 'contract',
      targetId: contract.id,
      details: { reference: contract.reference, from: contract.status, to: changes.status },
    });
    return updated;
  }

  private async linkDocuments(communeId: string, contractId: string, documentIds: readonly string[]): Promise<void> {
    const existing = await this.contracts.existingDocumentIds(communeId, documentIds);
    const unknown = documentIds.filter((id) => !existing.includes(id));
    if (unknown.length > 0) throw new UnprocessableError('contract.document-not-found', `These are not documents of this commune: ${unknown.join(', ')}.`);
    await this.contracts.setDocuments(communeId, contractId, documentIds);
  }

  /** Checked first for a clear answer; the unique index still decides between simultaneous requests. */
  private async assertReferenceFree(communeId: string, reference: string): Promise<void> {
    if ((await this.contracts.existingReferences(communeId, [reference])).length > 0) throw referenceTaken(reference);
  }

  private async requireContract(communeId: string, id: string, options: { lock?: boolean } = {}): Promise<ContractRecord> {
    const contract = await this.contracts.find(communeId, id, options);
    if (!contract) throw new NotFoundError('contract.not-found', 'No such contract in this commune.');
    return contract;
  }
}

function inputOf(contract: ContractRecord): ContractInput {
  const { reference, object, procurementMethod, category, awardeeName, awardeeIdentifier, amount, awardDate, startDate, endDate, status, fundingSource } = contract;
  return { reference, object, procurementMethod, category, awardeeName, awardeeIdentifier, amount, awardDate, startDate, endDate, status, fundingSource };
}

/** The fields a PATCH carries (null included: it clears an optional field). */
function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function checkPeriod(contract: ContractInput): void {
  if (contract.startDate && contract.endDate && contract.endDate < contract.startDate) {
    throw new DomainError(400, 'contract.invalid-period', `endDate (${contract.endDate}) is before startDate (${contract.startDate}).`);
  }
}

/** True for PostgreSQL's unique violation on a contract reference. */
export function isReferenceConflict(error: unknown): boolean {
  const { code, constraint } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; constraint?: unknown };
  return code === '23505' && constraint === 'contracts_commune_reference_key';
}

function referenceTaken(reference: string): ConflictError {
  return new ConflictError('contract.reference-exists', `The reference "${reference}" is already used by another contract of this commune.`);
}

/** The unique index has the last word (two requests at once); this turns it into a clear 409. */
async function withReferenceConflict<T>(reference: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isReferenceConflict(error) ? referenceTaken(reference) : error;
  }
}
