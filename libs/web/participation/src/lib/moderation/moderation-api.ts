import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ModeratedContentKind, ModerationAction, ModerationQueueState, ReportReason } from '@communes/shared-contracts';
import {
  moderationControllerDismiss,
  moderationControllerHide,
  moderationControllerQueue,
  moderationControllerReport,
  moderationControllerRestore,
  type ModerationItemResponse,
  type ModerationQueueResponse,
  type ReportReceiptResponse,
} from '@communes/web-api-client';
import { API_BASE_URL, toApiError } from '@communes/web-data-access';
import { firstValueFrom, type Observable } from 'rxjs';

export interface ModerationQuery {
  state?: ModerationQueueState;
  kind?: ModeratedContentKind;
  page?: number;
  pageSize?: number;
}

const DECISIONS = { hide: moderationControllerHide, restore: moderationControllerRestore, dismiss: moderationControllerDismiss } as const;

/** Reports and the moderation queue, on the generated client, as promises failing with `ApiError`. */
@Injectable({ providedIn: 'root' })
export class ModerationApi {
  private readonly http = inject(HttpClient);
  private readonly root = inject(API_BASE_URL);

  report(slug: string, input: { contentKind: ModeratedContentKind; contentId: string; reason: ReportReason; details?: string }): Promise<ReportReceiptResponse> {
    return body(moderationControllerReport(this.http, this.root, { slug, body: input }));
  }

  queue(slug: string, query: ModerationQuery): Promise<ModerationQueueResponse> {
    return body(moderationControllerQueue(this.http, this.root, { slug, ...query }));
  }

  decide(slug: string, kind: ModeratedContentKind, id: string, action: ModerationAction, reason: string): Promise<ModerationItemResponse> {
    return body(DECISIONS[action](this.http, this.root, { slug, kind, id, body: { reason } }));
  }
}

async function body<T>(request: Observable<{ body: T }>): Promise<T> {
  try {
    return (await firstValueFrom(request)).body;
  } catch (error) {
    throw error instanceof HttpErrorResponse ? toApiError(error) : error;
  }
}
