import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  newsControllerCreate,
  newsControllerGet,
  newsControllerList,
  newsControllerPublish,
  newsControllerRemoveCover,
  newsControllerSetCover,
  newsControllerUpdate,
  newsControllerWithdraw,
  type NewsDto,
  type NewsPageResponse,
  type NewsResponse,
} from '@communes/web-api-client';
import type { NewsState } from '@communes/shared-contracts';
import { map, type Observable } from 'rxjs';
import { API_BASE_URL } from './api-config';
import { asApiErrors } from './http-helpers';

export type NewsArticle = NewsResponse;
export type NewsPage = NewsPageResponse;
export type NewsInput = NewsDto;

/**
 * News of a commune: the public list and detail (commune page), and the staff's writing,
 * publishing and withdrawing (console). Fails with an `ApiError`.
 */
@Injectable({ providedIn: 'root' })
export class NewsApi {
  private readonly http = inject(HttpClient);
  private readonly rootUrl = inject(API_BASE_URL);

  list(slug: string, options: { page?: number; pageSize?: number; state?: NewsState } = {}): Observable<NewsPage> {
    return newsControllerList(this.http, this.rootUrl, { slug, ...options }).pipe(map((r) => r.body), asApiErrors());
  }

  get(slug: string, id: string): Observable<NewsArticle> {
    return newsControllerGet(this.http, this.rootUrl, { slug, id }).pipe(map((r) => r.body), asApiErrors());
  }

  create(slug: string, body: NewsInput): Observable<NewsArticle> {
    return newsControllerCreate(this.http, this.rootUrl, { slug, body }).pipe(map((r) => r.body), asApiErrors());
  }

  update(slug: string, id: string, body: NewsInput): Observable<NewsArticle> {
    return newsControllerUpdate(this.http, this.rootUrl, { slug, id, body }).pipe(map((r) => r.body), asApiErrors());
  }

  publish(slug: string, id: string, publishedAt?: string): Observable<NewsArticle> {
    return newsControllerPublish(this.http, this.rootUrl, { slug, id, body: publishedAt ? { publishedAt } : {} }).pipe(map((r) => r.body), asApiErrors());
  }

  withdraw(slug: string, id: string, reason: string): Observable<NewsArticle> {
    return newsControllerWithdraw(this.http, this.rootUrl, { slug, id, body: { reason } }).pipe(map((r) => r.body), asApiErrors());
  }

  setCover(slug: string, id: string, file: Blob, alt?: string): Observable<NewsArticle> {
    return newsControllerSetCover(this.http, this.rootUrl, { slug, id, alt: alt || undefined, body: { file } }).pipe(map((r) => r.body), asApiErrors());
  }

  /** Takes the cover image off the article (its file is deleted by the API). */
  removeCover(slug: string, id: string): Observable<NewsArticle> {
    return newsControllerRemoveCover(this.http, this.rootUrl, { slug, id }).pipe(map((r) => r.body), asApiErrors());
  }

  /**
   * The cover's bytes, with the caller's credentials: a draft's cover is served to its commune's
   * staff only, which an <img> (no Authorization header) cannot be.
   */
  coverBlob(coverUrl: string): Observable<Blob> {
    return this.http.get(this.rootUrl + coverUrl, { responseType: 'blob' }).pipe(asApiErrors());
  }

  /** The cover's address under the API root (the API gives it relative). */
  coverUrl(article: Pick<NewsArticle, 'cover'>): string | null {
    return article.cover ? this.rootUrl + article.cover.url : null;
  }
}
