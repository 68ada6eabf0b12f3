import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { FeedbackCategory, FeedbackStatus } from '@communes/shared-contracts';
import {
  consultationsControllerGet,
  consultationsControllerList,
  consultationsControllerRespond,
  consultationsControllerResults,
  consultationsControllerResultsCsv,
  feedbackControllerAnswer,
  feedbackControllerAssign,
  feedbackControllerChangeStatus,
  feedbackControllerCreate,
  feedbackControllerGet,
  feedbackControllerGetByNumber,
  feedbackControllerList,
  feedbackControllerSupport,
  feedbackPhotosControllerRemove,
  membersControllerList,
  type ChangeFeedbackStatusDto,
  type ConsultationResponse,
  type ConsultationResultsResponse,
  type CreateFeedbackDto,
  type FeedbackPageResponse,
  type FeedbackResponse,
  type MemberResponse,
} from '@communes/web-api-client';
import { API_BASE_URL, toApiError } from '@communes/web-data-access';
import { firstValueFrom, type Observable } from 'rxjs';

export interface FeedbackQuery {
  status?: FeedbackStatus;
  category?: FeedbackCategory;
  /** A member's id, or `none`. */
  assignee?: string;
  /** Only the caller's own feedback. */
  mine?: 'true';
  page?: number;
  pageSize?: number;
}

/**
 * The participation calls (feedback, consultations), on the generated client, as promises
 * failing with `ApiError` (status 0: no network).
 */
@Injectable({ providedIn: 'root' })
export class ParticipationApi {
  private readonly http = inject(HttpClient);
  private readonly root = inject(API_BASE_URL);

  feedbackList(slug: string, query: FeedbackQuery = {}): Promise<FeedbackPageResponse> {
    return body(feedbackControllerList(this.http, this.root, { slug, ...withoutEmpty(query) }));
  }
  feedback(slug: string, id: string): Promise<FeedbackResponse> {
    return body(feedbackControllerGet(this.http, this.root, { slug, id }));
  }
  feedbackByNumber(slug: string, trackingNumber: string): Promise<FeedbackResponse> {
    return body(feedbackControllerGetByNumber(this.http, this.root, { slug, trackingNumber }));
  }
  sendFeedback(slug: string, input: CreateFeedbackDto): Promise<FeedbackResponse> {
    return body(feedbackControllerCreate(this.http, this.root, { slug, body: input }));
  }
  /** The author takes back a photo of their feedback (within a day of sending it). */
  removeFeedbackPhoto(slug: string, id: string, photoId: string): Promise<void> {
    return body(feedbackPhotosControllerRemove(this.http, this.root, { slug, id, photoId }));
  }
  support(slug: string, id: string): Promise<FeedbackResponse> {
    return body(feedbackControllerSupport(this.http, this.root, { slug, id }));
  }
  assign(slug: string, id: string, assigneeId: string | null): Promise<FeedbackResponse> {
    return body(feedbackControllerAssign(this.http, this.root, { slug, id, body: { assigneeId } }));
  }
  answer(slug: string, id: string, answer: string): Promise<FeedbackResponse> {
    return body(feedbackControllerAnswer(this.http, this.root, { slug, id, body: { answer } }));
  }
  changeStatus(slug: string, id: string, change: ChangeFeedbackStatusDto): Promise<FeedbackResponse> {
    return body(feedbackControllerChangeStatus(this.http, this.root, { slug, id, body: change }));
  }
  members(slug: string): Promise<MemberResponse[]> {
    return body(membersControllerList(this.http, this.root, { slug }));
  }

  consultations(slug: string): Promise<ConsultationResponse[]> {
    return body(consultationsControllerList(this.http, this.root, { slug }));
  }
  consultation(slug: string, id: string): Promise<ConsultationResponse> {
    return body(consultationsControllerGet(this.http, this.root, { slug, id }));
  }
  respond(slug: string, id: string, answers: { questionId: string; optionIds: string[] }[]): Promise<ConsultationResponse> {
    return body(consultationsControllerRespond(this.http, this.root, { slug, id, body: { answers } }));
  }
  results(slug: string, id: string): Promise<ConsultationResultsResponse> {
    return body(consultationsControllerResults(this.http, this.root, { slug, id }));
  }
  /** The results file, for a plain download link (the browser fetches it; `excel`: with a BOM). */
  resultsCsvUrl(slug: string, id: string, excel = false): string {
    const path = consultationsControllerResultsCsv.PATH.replace('{slug}', encodeURIComponent(slug)).replace('{id}', encodeURIComponent(id));
    return `${this.root}${path}${excel ? '?excel=1' : ''}`;
  }
}

async function body<T>(request: Observable<{ body: T }>): Promise<T> {
  try {
    return (await firstValueFrom(request)).body;
  } catch (error) {
    throw error instanceof HttpErrorResponse ? toApiError(error) : error;
  }
}

function withoutEmpty<T extends object>(query: T): Partial<T> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== '' && value !== null)) as Partial<T>;
}
