import { HttpClient, HttpErrorResponse, HttpEventType, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { FEEDBACK_PHOTO_MAX_BYTES, FEEDBACK_PHOTOS_MAX } from '@communes/shared-contracts';
import { feedbackPhotosControllerAdd, type FeedbackPhotoResponse } from '@communes/web-api-client';
import { API_BASE_URL, toApiError } from '@communes/web-data-access';

export { FEEDBACK_PHOTO_MAX_BYTES, FEEDBACK_PHOTOS_MAX };

/** Longest side sent from the phone: plenty to see the problem, a few hundred kB on a slow connection. */
export const UPLOAD_MAX_SIDE = 1600;
export const UPLOAD_JPEG_QUALITY = 0.8;

/**
 * Downscales a photo in the browser before it is sent (turned upright from its EXIF, longest side
 * UPLOAD_MAX_SIDE, JPEG at UPLOAD_JPEG_QUALITY): a 4 MB camera photo becomes ~300 kB, which is
 * what a citizen pays for on mobile data. The canvas keeps no metadata either. When the browser
 * cannot do it (no createImageBitmap, an image format it does not decode), the file goes as it
 * is: the API re-encodes and strips it anyway.
 */
export async function downscalePhoto(file: Blob, maxSide = UPLOAD_MAX_SIDE, quality = UPLOAD_JPEG_QUALITY): Promise<Blob> {
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return file;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) return file;
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    // A small photo may come out larger than it went in: keep the smaller.
    return blob && blob.size < file.size ? blob : file;
  } catch {
    return file;
  }
}

/** The photo upload, with its progress (the generated client has no progress events). */
@Injectable({ providedIn: 'root' })
export class FeedbackPhotosApi {
  private readonly http = inject(HttpClient);
  private readonly root = inject(API_BASE_URL);

  /** One photo per request, right after the feedback was sent; `onProgress` gets 0 to 1. */
  upload(slug: string, feedbackId: string, photo: Blob, sharePlace: boolean, onProgress: (fraction: number) => void): Promise<FeedbackPhotoResponse> {
    const path = feedbackPhotosControllerAdd.PATH.replace('{slug}', encodeURIComponent(slug)).replace('{id}', encodeURIComponent(feedbackId));
    const form = new FormData();
    form.append('file', photo, photo.type === 'image/jpeg' ? 'photo.jpg' : 'photo');
    const params = sharePlace ? new HttpParams().set('sharePlace', 'true') : undefined;
    return new Promise((resolve, reject) => {
      this.http.post<FeedbackPhotoResponse>(`${this.root}${path}`, form, { params, reportProgress: true, observe: 'events' }).subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress && event.total) onProgress(event.loaded / event.total);
          if (event.type === HttpEventType.Response && event.body) {
            onProgress(1);
            resolve(event.body);
          }
        },
        error: (error: unknown) => reject(error instanceof HttpErrorResponse ? toApiError(error) : error),
      });
    });
  }
}

/** A photo chosen in the form: its (downscaled) bytes, a preview URL, and how its upload goes. */
export interface ChosenPhoto {
  key: number;
  blob: Blob;
  previewUrl: string;
  state: 'waiting' | 'sending' | 'sent' | 'failed';
  /** 0 to 100 while sending. */
  progress: number;
  error: string;
}
