import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  type AgendaEventResponse,
  agendaControllerGet,
  agendaControllerList,
  type BudgetResponse,
  budgetsControllerCsv,
  budgetsControllerDataPackage,
  budgetsControllerGet,
  budgetsControllerList,
  type BudgetsControllerList$Params,
  type BudgetWithLinesResponse,
  type ContractPageResponse,
  type ContractWithDocumentsResponse,
  contractsControllerGet,
  contractsControllerList,
  type ContractsControllerList$Params,
  contractsOpenDataControllerCommune,
  contractsOpenDataControllerNational,
  type CouncilSessionDetailResponse,
  type CouncilSessionResponse,
  councilSessionsControllerGet,
  councilSessionsControllerList,
  documentsControllerDownload,
  documentsControllerGet,
  documentsControllerList,
  type DocumentsControllerList$Params,
  type DocumentResponse,
  type DocumentWithVersionsResponse,
} from '@communes/web-api-client';
import { map, type Observable } from 'rxjs';
import { API_BASE_URL } from './api-config';
import { asApiErrors, linkTo } from './http-helpers';

export type AgendaEvent = AgendaEventResponse;
export type CommuneDocument = DocumentResponse;
export type CommuneDocumentWithVersions = DocumentWithVersionsResponse;
export type DocumentCategory = DocumentResponse['category'];
export type Budget = BudgetResponse;
export type BudgetWithLines = BudgetWithLinesResponse;
export type BudgetStage = BudgetResponse['stage'];
export type Contract = ContractPageResponse['items'][number];
export type ContractPage = ContractPageResponse;
export type ContractWithDocuments = ContractWithDocumentsResponse;

export type CouncilSession = CouncilSessionResponse;
export type CouncilSessionDetail = CouncilSessionDetailResponse;

export type DocumentFilters = Omit<DocumentsControllerList$Params, 'slug'>;
export type BudgetFilters = Omit<BudgetsControllerList$Params, 'slug'>;
export type ContractFilters = Omit<ContractsControllerList$Params, 'slug'>;

/**
 * What a commune publishes, read by anyone: agenda, documents (with every version and
 * withdrawal), budgets, contracts awarded, and the links of its open data files.
 * Fails with an `ApiError`.
 */
@Injectable({ providedIn: 'root' })
export class TransparencyApi {
  private readonly http = inject(HttpClient);
  private readonly rootUrl = inject(API_BASE_URL);

  /** Published events starting in [from, to) (the API defaults `from` to today), by start time. */
  agenda(
    slug: string,
    range: { from?: string; to?: string } = {},
  ): Observable<AgendaEvent[]> {
    return agendaControllerList(this.http, this.rootUrl, {
      slug,
      from: range.from,
      to: range.to,
    }).pipe(
      map((r) => r.body),
      asApiErrors(),
    );
  }

  agendaEvent(slug: string, id: string): Observable<AgendaEvent> {
    return agendaControllerGet(this.http, this.rootUrl, { slug, id }).pipe(
      map((r) => r.body),
      asApiErrors(),
    );
  }

  /** Council and accountability sessions: upcoming (soonest first) or past (latest first). */
  sessions(
    slug: string,
    period: 'upcoming' | 'past',
  ): Observable<CouncilSession[]> {
    return councilSessionsControllerList(this.http, this.rootUrl, {
      slug,
      period,
    }).pipe(
      map((r) => r.body),
      asApiErrors(),
    );
  }

  /** One session with its agenda items and documents. */
  session(slug: string, id: string): Observable<CouncilSessionDetail> {
    return councilSessionsControllerGet(this.http, this.rootUrl, {
      slug,
      id,
    }).pipe(
      map((r) => r.body),
      asApiErrors(),
    );
  }

  documents(
    slug: string,
    filters: DocumentFilters = {},
  ): Observable<CommuneDocument[]> {
    return documentsControllerList(this.http, this.rootUrl, {
      slug,
      category: filters.category || undefined,
      fiscalYear: filters.fiscalYear || undefined,
    }).pipe(
      map((r) => r.body),
      asApiErrors(),
    );
  }

  /** One document with all its versions, newest first. */
  document(slug: string, id: string): Observable<CommuneDocumentWithVersions> {
    return documentsControllerGet(this.http, this.rootUrl, { slug, id }).pipe(
      map((r) => r.body),
      asApiErrors(),
    );
  }

  budgets(slug: string, filters: BudgetFilters = {}): Observable<Budget[]> {
    return budgetsControllerList(this.http, this.rootUrl, {
      slug,
      fiscalYear: filters.fiscalYear || undefined,
      stage: filters.stage || undefined,
    }).pipe(
      map((r) => r.body),
      asApiErrors(),
    );
  }

  budget(
    slug: string,
    id: string,
    page: { page?: number; pageSize?: number } = {},
  ): Observable<BudgetWithLines> {
    return budgetsControllerGet(this.http, this.rootUrl, {
      slug,
      id,
      ...page,
    }).pipe(
      map((r) => r.body),
      asApiErrors(),
    );
  }

  contracts(
    slug: string,
    filters: ContractFilters = {},
  ): Observable<ContractPage> {
    const params: ContractsControllerList$Params = { slug };
    for (const [key, value] of Object.entries(filters)) {
      if (value !== undefined && value !== null && value !== '') {
        Reflect.set(params, key, value);
      }
    }
    return contractsControllerList(this.http, this.rootUrl, params).pipe(
      map((r) => r.body),
      asApiErrors(),
    );
  }

  contract(slug: string, id: string): Observable<ContractWithDocuments> {
    return contractsControllerGet(this.http, this.rootUrl, { slug, id }).pipe(
      map((r) => r.body),
      asApiErrors(),
    );
  }

  /** Link to download one version of a document (the browser fetches it). */
  documentDownloadUrl(slug: string, id: string, versionId: string): string {
    return linkTo(this.rootUrl, documentsControllerDownload.PATH, {
      slug,
      id,
      versionId,
    });
  }

  /** The commune's contracts as OCDS 1.1 releases. */
  ocdsUrl(slug: string): string {
    return linkTo(this.rootUrl, contractsOpenDataControllerCommune.PATH, {
      slug,
    });
  }

  /** Every commune's contracts as OCDS 1.1 releases. */
  nationalOcdsUrl(): string {
    return linkTo(this.rootUrl, contractsOpenDataControllerNational.PATH, {});
  }

  /** The commune's published budgets as a Fiscal Data Package descriptor. */
  dataPackageUrl(slug: string): string {
    return linkTo(this.rootUrl, budgetsControllerDataPackage.PATH, { slug });
  }

  /** The commune's published budget lines as CSV. */
  budgetsCsvUrl(slug: string): string {
    return linkTo(this.rootUrl, budgetsControllerCsv.PATH, { slug });
  }
}
