import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  councilSessionsControllerAsk,
  councilSessionsControllerEvents,
  councilSessionsControllerGet,
  type CouncilSessionDetailResponse,
  type DebateCommentResponse,
  type DebateTopicResponse,
  debatesControllerComment,
  debatesControllerComments,
  debatesControllerGet,
  debatesControllerList,
  debatesControllerReact,
  debatesControllerUnreact,
  type SessionQuestionResponse,
} from '@communes/web-api-client';
import { API_BASE_URL, toApiError } from '@communes/web-data-access';
import { firstValueFrom, type Observable } from 'rxjs';

export type SessionDetail = CouncilSessionDetailResponse;
export type SessionQuestion = SessionQuestionResponse;
export type DebateTopic = DebateTopicResponse;
export type DebateComment = DebateCommentResponse;
export type Reaction = 'agree' | 'disagree';

/**
 * What citizens do on a live session and in a debate, on the generated client, as promises
 * failing with `ApiError` (status 0: no network; the HttpErrorResponse stays as its `cause`,
 * for the Retry-After of a 429).
 */
@Injectable({ providedIn: 'root' })
export class CivicApi {
  private readonly http = inject(HttpClient);
  private readonly root = inject(API_BASE_URL);

  /** The session; with `since`, also the live events after that id (the polling fallback). */
  session(slug: string, id: string, since?: string): Promise<SessionDetail> {
    return body(councilSessionsControllerGet(this.http, this.root, { slug, id, since }));
  }
  /** The server-sent events of a session, resuming after `since`. */
  sessionEventsUrl(slug: string, id: string, since: string): string {
    const path = councilSessionsControllerEvents.PATH.replace('{slug}', encodeURIComponent(slug)).replace('{id}', encodeURIComponent(id));
    return `${this.root}${path}?since=${encodeURIComponent(since)}`;
  }
  ask(slug: string, id: string, text: string): Promise<SessionQuestion> {
    return body(councilSessionsControllerAsk(this.http, this.root, { slug, id, body: { text } }));
  }

  debates(slug: string): Promise<DebateTopic[]> {
    return body(debatesControllerList(this.http, this.root, { slug }));
  }
  debate(slug: string, id: string): Promise<DebateTopic> {
    return body(debatesControllerGet(this.http, this.root, { slug, id }));
  }
  comments(slug: string, id: string): Promise<DebateComment[]> {
    return body(debatesControllerComments(this.http, this.root, { slug, id }));
  }
  comment(slug: string, id: string, text: string, parentId: string | null): Promise<DebateComment> {
    return body(debatesControllerComment(this.http, this.root, { slug, id, body: { body: text, ...(parentId ? { parentId } : {}) } }));
  }
  react(slug: string, id: string, commentId: string, kind: Reaction | null): Promise<DebateComment> {
    return kind
      ? body(debatesControllerReact(this.http, this.root, { slug, id, commentId, body: { kind } }))
      : body(debatesControllerUnreact(this.http, this.root, { slug, id, commentId }));
  }
}

async function body<T>(request: Observable<{ body: T }>): Promise<T> {
  try {
    return (await firstValueFrom(request)).body;
  } catch (error) {
    throw error instanceof HttpErrorResponse ? toApiError(error) : error;
  }
}
