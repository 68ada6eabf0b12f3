import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  brandingControllerRemoveLogo,
  brandingControllerReplaceLogo,
  brandingControllerUpdate,
  communesControllerGet,
  councilSessionsControllerAnswer,
  councilSessionsControllerChangeStatus,
  councilSessionsControllerCreate,
  councilSessionsControllerGet,
  councilSessionsControllerHide,
  councilSessionsControllerLinkDocument,
  councilSessionsControllerList,
  councilSessionsControllerPublish,
  councilSessionsControllerRemove,
  councilSessionsControllerSetSummary,
  councilSessionsControllerUnlinkDocument,
  councilSessionsControllerUpdate,
  debatesControllerClose,
  debatesControllerComment,
  debatesControllerComments,
  debatesControllerCreate,
  debatesControllerGet,
  debatesControllerHide,
  debatesControllerList,
  debatesControllerOpen,
  debatesControllerRestore,
  documentsControllerList,
  type BrandingResponse,
  type CommunePageResponse,
  type CouncilSessionDetailResponse,
  type CouncilSessionResponse,
  type CreateSessionDto,
  type DebateCommentResponse,
  type DebateTopicResponse,
  type DocumentResponse,
  type SessionDto,
  type UpdateBrandingDto,
} from '@communes/web-api-client';
import { API_BASE_URL, ApiError, toApiError } from '@communes/web-data-access';
import { firstValueFrom, type Observable } from 'rxjs';

export type SessionDocumentRole = 'minutes' | 'deliberation' | 'media';

/**
 * The console's calls for council sessions, debates and branding, on the generated client,
 * as promises failing with `ApiError` (kept apart from `ConsoleApi`, which other pages extend).
 */
@Injectable({ providedIn: 'root' })
export class SessionsApi {
  private readonly http = inject(HttpClient);
  readonly root = inject(API_BASE_URL);

  sessions(slug: string, period: 'upcoming' | 'past'): Promise<CouncilSessionResponse[]> {
    return body(councilSessionsControllerList(this.http, this.root, { slug, period }));
  }
  session(slug: string, id: string): Promise<CouncilSessionDetailResponse> {
    return body(councilSessionsControllerGet(this.http, this.root, { slug, id }));
  }
  createSession(slug: string, input: CreateSessionDto): Promise<CouncilSessionDetailResponse> {
    return body(councilSessionsControllerCreate(this.http, this.root, { slug, body: input }));
  }
  updateSession(slug: string, id: string, input: SessionDto): Promise<CouncilSessionDetailResponse> {
    return body(councilSessionsControllerUpdate(this.http, this.root, { slug, id, body: input }));
  }
  publishSession(slug: string, id: string): Promise<CouncilSessionDetailResponse> {
    return body(councilSessionsControllerPublish(this.http, this.root, { slug, id }));
  }
  deleteSession(slug: string, id: string): Promise<void> {
    return body(councilSessionsControllerRemove(this.http, this.root, { slug, id }));
  }
  changeStatus(slug: string, id: string, status: 'live' | 'ended' | 'cancelled', reason?: string): Promise<CouncilSessionDetailResponse> {
    return body(councilSessionsControllerChangeStatus(this.http, this.root, { slug, id, body: { status, ...(reason ? { reason } : {}) } }));
  }
  answerQuestion(slug: string, id: string, questionId: string, answer: string) {
    return body(councilSessionsControllerAnswer(this.http, this.root, { slug, id, questionId, body: answer ? { answer } : {} }));
  }
  hideQuestion(slug: string, id: string, questionId: string, reason: string) {
    return body(councilSessionsControllerHide(this.http, this.root, { slug, id, questionId, body: { reason } }));
  }
  linkDocument(slug: string, id: string, role: SessionDocumentRole, documentId: string): Promise<CouncilSessionDetailResponse> {
    return body(councilSessionsControllerLinkDocument(this.http, this.root, { slug, id, body: { role, documentId } }));
  }
  unlinkDocument(slug: string, id: string, role: SessionDocumentRole, documentId: string): Promise<CouncilSessionDetailResponse> {
    return body(councilSessionsControllerUnlinkDocument(this.http, this.root, { slug, id, documentId, role }));
  }
  setSummary(slug: string, id: string, summary: string | null): Promise<CouncilSessionDetailResponse> {
    return body(councilSessionsControllerSetSummary(this.http, this.root, { slug, id, body: { summary } }));
  }
  /** The commune's published documents: the ones a session may link. */
  async publishedDocuments(slug: string): Promise<DocumentResponse[]> {
    return (await body(documentsControllerList(this.http, this.root, { slug }))).filter((d) => d.state === 'published');
  }

  debates(slug: string): Promise<DebateTopicResponse[]> {
    return body(debatesControllerList(this.http, this.root, { slug }));
  }
  debate(slug: string, id: string): Promise<DebateTopicResponse> {
    return body(debatesControllerGet(this.http, this.root, { slug, id }));
  }
  createDebate(slug: string, input: { title: string; body: string; open: boolean }): Promise<DebateTopicResponse> {
    return body(debatesControllerCreate(this.http, this.root, { slug, body: input }));
  }
  openDebate(slug: string, id: string): Promise<DebateTopicResponse> {
    return body(debatesControllerOpen(this.http, this.root, { slug, id }));
  }
  closeDebate(slug: string, id: string): Promise<DebateTopicResponse> {
    return body(debatesControllerClose(this.http, this.root, { slug, id }));
  }
  comments(slug: string, id: string): Promise<DebateCommentResponse[]> {
    return body(debatesControllerComments(this.http, this.root, { slug, id }));
  }
  /** From an editor or admin, the API marks it as the commune's official answer. */
  comment(slug: string, id: string, text: string, parentId?: string): Promise<DebateCommentResponse> {
    return body(debatesControllerComment(this.http, this.root, { slug, id, body: { body: text, ...(parentId ? { parentId } : {}) } }));
  }
  hideComment(slug: string, id: string, commentId: string, reason: string): Promise<DebateCommentResponse> {
    return body(debatesControllerHide(this.http, this.root, { slug, id, commentId, body: { reason } }));
  }
  restoreComment(slug: string, id: string, commentId: string, reason: string): Promise<DebateCommentResponse> {
    return body(debatesControllerRestore(this.http, this.root, { slug, id, commentId, body: { reason } }));
  }

  commune(slug: string): Promise<CommunePageResponse> {
    return body(communesControllerGet(this.http, this.root, { slug }));
  }
  updateBranding(slug: string, patch: UpdateBrandingDto): Promise<BrandingResponse> {
    return body(brandingControllerUpdate(this.http, this.root, { slug, body: patch }));
  }
  uploadLogo(slug: string, file: File): Promise<BrandingResponse> {
    return body(brandingControllerReplaceLogo(this.http, this.root, { slug, body: { file } }));
  }
  removeLogo(slug: string): Promise<BrandingResponse> {
    return body(brandingControllerRemoveLogo(this.http, this.root, { slug }));
  }
}

async function body<T>(request: Observable<{ body: T }>): Promise<T> {
  try {
    return (await firstValueFrom(request)).body;
  } catch (error) {
    throw error instanceof HttpErrorResponse ? toApiError(error) : error;
  }
}

/** The API's per-field validation messages (problem details `errors`), by field name. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const cause = error instanceof ApiError ? (error.cause as HttpErrorResponse | undefined)?.error : null;
  const parsed: unknown = typeof cause === 'string' ? safeParse(cause) : cause;
  const list: unknown = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'errors') : null;
  const result: Record<string, string> = {};
  if (!Array.isArray(list)) return result;
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue;
    const field: unknown = Reflect.get(entry, 'field');
    const messages: unknown = Reflect.get(entry, 'messages');
    if (typeof field === 'string' && Array.isArray(messages)) result[field] = messages.filter((m) => typeof m === 'string').join(' ');
  }
  return result;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
