import { Injectable } from '@nestjs/common';
import { AppConfig, NotFoundError, RequestContext } from '@communes/api-core';
import { CommuneAccess, CommuneRecord, CommunesRepository } from '@communes/api-communes';
import { TenantTransaction } from '@communes/api-database';
import { buildReleasePackage, OcdsContract, OcdsReleasePackage, OpenDataCommune } from '@communes/api-open-data';
import { ContractRecord, ContractsRepository, OpenDataDocument } from './contracts.repository';

/**
 * Our OCID prefix. The open-data lib accepts only the OCP's format, `ocds-` and six letters or
 * digits. It must be registered with the Open Contracting Partnership before the data is
 * announced; until then this placeholder keeps every ocid stable.
 */
export const OCID_PREFIX = 'ocds-cmnsbj';
export const OCDS_PUBLISHER_NAME = 'Communes+ — ANCB';

interface CommuneContracts {
  commune: CommuneRecord;
  contracts: ContractRecord[];
  documents: OpenDataDocument[];
}

/**
 * Published contracts as OCDS 1.1 release packages, for one commune or for all of them. Always
 * read in the `public` scope, whoever asks (staff included), so that drafts cannot leak into
 * open data.
 */
@Injectable()
export class ContractsOpenDataService {
  constructor(
    private readonly access: CommuneAccess,
    private readonly communes: CommunesRepository,
    private readonly contracts: ContractsRepository,
    private readonly tx: TenantTransaction,
    private readonly requestContext: RequestContext,
    private readonly config: AppConfig,
  ) {}

  async communePackage(slug: string, requestPath: string): Promise<OcdsReleasePackage> {
    const commune = await this.access.findBySlug(slug);
    const published = await this.load(commune);
    if (published.contracts.length === 0) {
      throw new NotFoundError('contract.no-open-data', `${commune.name} has not published any contract yet: there is no OCDS release to export.`);
    }
    return this.build([published], requestPath);
  }

  /**
   * Every commune's published contracts. RLS scopes each transaction to one commune, so the read
   * goes commune by commune, each in its own `public` transaction: the same policies as a
   * visitor of that commune's page, and no cross-commune privilege to get wrong.
   */
  async nationalPackage(requestPath: string): Promise<OcdsReleasePackage> {
    const communes = await this.tx.run({ communeId: null, userId: this.requestContext.actor.userId, scope: 'public' }, () => this.communes.list({}));
    const published: CommuneContracts[] = [];
    for (const commune of [...communes].sort((a, b) => a.slug.localeCompare(b.slug))) {
      const loaded = await this.load(commune);
      if (loaded.contracts.length > 0) published.push(loaded);
    }
    if (published.length === 0) throw new NotFoundError('contract.no-open-data', 'No commune has published any contract yet: there is no OCDS release to export.');
    return this.build(published, requestPath);
  }

  private load(commune: CommuneRecord): Promise<CommuneContracts> {
    return this.access.runIn(
      commune,
      async () => ({ commune, contracts: await this.contracts.published(commune.id), documents: await this.contracts.publishedDocuments(commune.id) }),
      'public',
    );
  }

  private build(published: CommuneContracts[], requestPath: string): OcdsReleasePackage {
    const contracts = published.flatMap(({ commune, contracts, documents }) => contracts.map((contract) => toOcdsContract(commune, contract, documents)));
    return buildReleasePackage({
      contracts,
      communes: published.map(({ commune }) => toOpenDataCommune(commune)),
      // The latest change to what the package holds, not "now": unchanged data gives an identical package.
      publishedDate: latest(contracts.flatMap((contract) => [contract.updatedAt, ...contract.documents.map((document) => document.datePublished)])),
      // The request's path on the public origin: the Host header is the client's to choose.
      uri: new URL(requestPath, this.config.PUBLIC_URL).href,
      publisher: { name: OCDS_PUBLISHER_NAME, uri: new URL('/', this.config.PUBLIC_URL).href },
      ocidPrefix: OCID_PREFIX,
    });
  }
}

export function toOpenDataCommune(commune: CommuneRecord): OpenDataCommune {
  return { id: commune.id, slug: commune.slug, name: commune.name, department: commune.department, country: commune.country };
}

/** One contract with its published documents (download links resolved against the package uri). */
export function toOcdsContract(commune: CommuneRecord, contract: ContractRecord, documents: readonly OpenDataDocument[]): OcdsContract {
  return {
    id: contract.id,
    communeId: contract.communeId,
    reference: contract.reference,
    object: contract.object,
    procurementMethod: contract.procurementMethod,
    category: contract.category,
    awardeeName: contract.awardeeName,
    awardeeIdentifier: contract.awardeeIdentifier,
    amount: contract.amount,
    awardDate: contract.awardDate,
    startDate: contract.startDate,
    endDate: contract.endDate,
    status: contract.status,
    fundingSource: contract.fundingSource,
    updatedAt: contract.updatedAt.toISOString(),
    documents: documents
      .filter((document) => document.contractId === contract.id)
      .map((document) => ({
        id: document.id,
        title: document.title,
        url: `/api/v1/communes/${commune.slug}/documents/${document.id}/versions/${document.versionId}/download`,
        format: document.mediaType,
        datePublished: document.publishedAt.toISOString(),
      })),
  };
}

function latest(isoDateTimes: string[]): string {
  return isoDateTimes.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}
