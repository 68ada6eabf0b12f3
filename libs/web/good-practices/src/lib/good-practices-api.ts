import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { GoodPracticeStatus, GoodPracticeTheme } from '@communes/shared-contracts';
import {
  communeGoodPracticesControllerCreate,
  communeGoodPracticesControllerGet,
  communeGoodPracticesControllerList,
  communeGoodPracticesControllerPublish,
  communeGoodPracticesControllerReject,
  communeGoodPracticesControllerRemove,
  communeGoodPracticesControllerRequestChanges,
  communeGoodPracticesControllerSubmit,
  communeGoodPracticesControllerUnpublish,
  communeGoodPracticesControllerUpdate,
  documentsControllerList,
  goodPracticeLibraryControllerGet,
  goodPracticeLibraryControllerLibrary,
  goodPracticeLibraryControllerQueue,
  type DocumentResponse,
  type GoodPracticeDto,
  type GoodPracticeLibraryResponse,
  type GoodPracticeResponse,
  type GoodPracticeSummaryResponse,
} from '@communes/web-api-client';
import { API_BASE_URL, toApiError } from '@communes/web-data-access';
import { firstValueFrom, type Observable } from 'rxjs';

export interface LibraryQuery {
  q?: string;
  theme?: GoodPracticeTheme;
  department?: string;
  commune?: string;
  year?: number;
  page?: number;
}

export type ReviewDecision = 'publish' | 'request-changes' | 'reject' | 'unpublish';

/** Good practice calls on the generated client, as promises failing with `ApiError` (status 0: no network). */
@Injectable({ providedIn: 'root' })
export class GoodPracticesApi {
  private readonly http = inject(HttpClient);
  private readonly root = inject(API_BASE_URL);

  library(query: LibraryQuery): Promise<GoodPracticeLibraryResponse> {
    return body(goodPracticeLibraryControllerLibrary(this.http, this.root, { ...withoutEmpty(query), pageSize: 12 }));
  }
  published(id: string): Promise<GoodPracticeResponse> {
    return body(goodPracticeLibraryControllerGet(this.http, this.root, { id }));
  }
  queue(status: Exclude<GoodPracticeStatus, 'draft'>): Promise<GoodPracticeSummaryResponse[]> {
    return body(goodPracticeLibraryControllerQueue(this.http, this.root, { status }));
  }

  list(slug: string): Promise<GoodPracticeSummaryResponse[]> {
    return body(communeGoodPracticesControllerList(this.http, this.root, { slug }));
  }
  get(slug: string, id: string): Promise<GoodPracticeResponse> {
    return body(communeGoodPracticesControllerGet(this.http, this.root, { slug, id }));
  }
  create(slug: string, input: GoodPracticeDto): Promise<GoodPracticeResponse> {
    return body(communeGoodPracticesControllerCreate(this.http, this.root, { slug, body: input }));
  }
  update(slug: string, id: string, input: GoodPracticeDto): Promise<GoodPracticeResponse> {
    return body(communeGoodPracticesControllerUpdate(this.http, this.root, { slug, id, body: input }));
  }
  async remove(slug: string, id: string): Promise<void> {
    await body(communeGoodPracticesControllerRemove(this.http, this.root, { slug, id }));
  }
  submit(slug: string, id: string, comment?: string): Promise<GoodPracticeResponse> {
    return body(communeGoodPracticesControllerSubmit(this.http, this.root, { slug, id, body: comment ? { comment } : {} }));
  }
  /** ANCB's decisions; `comment` is required except to publish. */
  decide(slug: string, id: string, decision: ReviewDecision, comment: string): Promise<GoodPracticeResponse> {
    switch (decision) {
      case 'publish':
        return body(communeGoodPracticesControllerPublish(this.http, this.root, { slug, id, body: comment ? { comment } : {} }));
      case 'request-changes':
        return body(communeGoodPracticesControllerRequestChanges(this.http, this.root, { slug, id, body: { comment } }));
      case 'reject':
        return body(communeGoodPracticesControllerReject(this.http, this.root, { slug, id, body: { comment } }));
      case 'unpublish':
        return body(communeGoodPracticesControllerUnpublish(this.http, this.root, { slug, id, body: { comment } }));
    }
  }
  /** The commune's published documents, to link to a practice. */
  async publishedDocuments(slug: string): Promise<DocumentResponse[]> {
    return (await body(documentsControllerList(this.http, this.root, { slug }))).filter((document) => document.state === 'published');
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
