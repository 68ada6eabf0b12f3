import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { BudgetStage, DocumentCategory, MembershipRole } from '@communes/shared-contracts';
import { AuthSession } from '@communes/web-auth';
import {
  agendaControllerCancel,
  agendaControllerCreate,
  agendaControllerList,
  agendaControllerPublish,
  budgetsControllerCommit,
  budgetsControllerPreview,
  budgetsControllerPublish,
  contractsControllerCommit,
  contractsControllerPreview,
  contractsControllerPublishMany,
  documentsControllerCreate,
  documentsControllerGet,
  documentsControllerList,
  documentsControllerPublish,
  documentsControllerWithdraw,
  invitationsControllerCreate,
  invitationsControllerList,
  invitationsControllerRevoke,
  membersControllerChangeRole,
  membersControllerList,
  membersControllerRemove,
  type AgendaEventResponse,
  type BudgetImportPreviewResponse,
  type ContractImportPreviewResponse,
  type CreatedInvitationResponse,
  type DocumentResponse,
  type DocumentWithVersionsResponse,
  type InvitationResponse,
  type MemberResponse,
} from '@communes/web-api-client';
import { API_BASE_URL, ApiError, toApiError } from '@communes/web-data-access';
import { firstValueFrom, Observable } from 'rxjs';

/** One row of an import's error report. */
export interface ImportProblem {
  line: number;
  column: string | null;
  message: string;
}

/**
 * The commune console's calls, on the generated client (so the OpenAPI document types them),
 * as promises failing with `ApiError`. File uploads go through XMLHttpRequest: the fetch
 * backend of HttpClient cannot report upload progress, and a slow connection needs a bar.
 */
@Injectable({ providedIn: 'root' })
export class ConsoleApi {
  private readonly http = inject(HttpClient);
  private readonly root = inject(API_BASE_URL);
  private readonly session = inject(AuthSession);

  documents(slug: string): Promise<DocumentResponse[]> {
    return body(documentsControllerList(this.http, this.root, { slug }));
  }
  document(slug: string, id: string): Promise<DocumentWithVersionsResponse> {
    return body(documentsControllerGet(this.http, this.root, { slug, id }));
  }
  createDocument(slug: string, input: { title: string; category: DocumentCategory; fiscalYear?: number; description?: string }) {
    return body(documentsControllerCreate(this.http, this.root, { slug, body: input }));
  }
  publishDocument(slug: string, id: string) {
    return body(documentsControllerPublish(this.http, this.root, { slug, id }));
  }
  withdrawDocument(slug: string, id: string, reason: string) {
    return body(documentsControllerWithdraw(this.http, this.root, { slug, id, body: { reason } }));
  }
  /** Uploads a new version of a document; `progress` gets 0..1 as bytes leave. */
  uploadVersion(slug: string, id: string, file: File, progress: (ratio: number) => void): Promise<unknown> {
    return this.upload(`/api/v1/communes/${encodeURIComponent(slug)}/documents/${encodeURIComponent(id)}/versions`, file, progress);
  }

  previewBudget(slug: string, file: File, fiscalYear: number, stage: BudgetStage): Promise<BudgetImportPreviewResponse> {
    return body(budgetsControllerPreview(this.http, this.root, { slug, fiscalYear, stage, body: { file } }));
  }
  async commitBudget(slug: string, importId: string, publish: boolean) {
    const budget = await body(budgetsControllerCommit(this.http, this.root, { slug, importId }));
    return publish ? body(budgetsControllerPublish(this.http, this.root, { slug, id: budget.id })) : budget;
  }
  previewContracts(slug: string, file: File): Promise<ContractImportPreviewResponse> {
    return body(contractsControllerPreview(this.http, this.root, { slug, body: { file } }));
  }
  async commitContracts(slug: string, importId: string, publish: boolean) {
    const committed = await body(contractsControllerCommit(this.http, this.root, { slug, importId }));
    if (publish && committed.contractIds.length) await body(contractsControllerPublishMany(this.http, this.root, { slug, body: { ids: committed.contractIds } }));
    return committed;
  }

  agenda(slug: string): Promise<AgendaEventResponse[]> {
    return body(agendaControllerList(this.http, this.root, { slug }));
  }
  createEvent(slug: string, input: { title: string; startsAt: string; location?: string; publish: boolean }) {
    return body(agendaControllerCreate(this.http, this.root, { slug, body: input }));
  }
  publishEvent(slug: string, id: string) {
    return body(agendaControllerPublish(this.http, this.root, { slug, id }));
  }
  cancelEvent(slug: string, id: string, reason: string) {
    return body(agendaControllerCancel(this.http, this.root, { slug, id, body: { reason } }));
  }

  members(slug: string): Promise<MemberResponse[]> {
    return body(membersControllerList(this.http, this.root, { slug }));
  }
  changeRole(slug: string, userId: string, role: MembershipRole) {
    return body(membersControllerChangeRole(this.http, this.root, { slug, userId, body: { role } }));
  }
  removeMember(slug: string, userId: string) {
    return body(membersControllerRemove(this.http, this.root, { slug, userId }));
  }
  invitations(slug: string): Promise<InvitationResponse[]> {
    return body(invitationsControllerList(this.http, this.root, { slug }));
  }
  invite(slug: string, email: string, role: MembershipRole): Promise<CreatedInvitationResponse> {
    return body(invitationsControllerCreate(this.http, this.root, { slug, body: { email, role } }));
  }
  revokeInvitation(slug: string, id: string) {
    return body(invitationsControllerRevoke(this.http, this.root, { slug, id }));
  }

  private async upload(path: string, file: File, progress: (ratio: number) => void): Promise<unknown> {
    const send = (token: string | null) =>
      new Promise<{ status: number; text: string; requestId: string | null }>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `${this.root}${path}`);
        if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.upload.onprogress = (event) => event.lengthComputable && progress(event.loaded / event.total);
        xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText, requestId: xhr.getResponseHeader('x-request-id') });
        xhr.onerror = () => reject(new ApiError(0, null, null, null));
        const form = new FormData();
        form.append('file', file, file.name);
        xhr.send(form);
      });
    let response = await send(this.session.currentAccessToken());
    if (response.status === 401) {
      const fresh = await this.session.refresh();
      if (fresh) response = await send(fresh);
    }
    const parsed: unknown = response.text ? JSON.parse(response.text) : null;
    if (response.status >= 400) {
      throw toApiError(new HttpErrorResponse({ status: response.status, error: parsed }));
    }
    progress(1);
    return parsed;
  }
}

async function body<T>(request: Observable<{ body: T }>): Promise<T> {
  try {
    return (await firstValueFrom(request)).body;
  } catch (error) {
    throw error instanceof HttpErrorResponse ? toApiError(error) : error;
  }
}

/** The line-by-line problems of a rejected import, whatever shape the API sent them in. */
export function importProblemsOf(error: unknown): ImportProblem[] {
  const cause = error instanceof ApiError ? (error.cause as HttpErrorResponse | undefined)?.error : null;
  const parsed: unknown = typeof cause === 'string' ? safeParse(cause) : cause;
  if (typeof parsed !== 'object' || parsed === null) return [];
  const list: unknown = Reflect.get(parsed, 'importErrors') ?? Reflect.get(parsed, 'errors');
  return Array.isArray(list) ? list.filter((e): e is ImportProblem => typeof e === 'object' && e !== null && 'line' in e && 'message' in e) : [];
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
