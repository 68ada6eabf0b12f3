import { afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, Injector, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import {
  FEEDBACK_CATEGORIES,
  FEEDBACK_KINDS,
  FEEDBACK_PLACE_MAX,
  FEEDBACK_TEXT_MAX,
  FEEDBACK_TEXT_MIN,
  FEEDBACK_VISIBILITIES,
  type FeedbackCategory,
  type FeedbackKind,
  type FeedbackVisibility,
} from '@communes/shared-contracts';
import type { FeedbackResponse } from '@communes/web-api-client';
import { AuthSession, LOGIN_PATH } from '@communes/web-auth';
import { ApiError } from '@communes/web-data-access';
import { NumberPipe } from '@communes/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ParticipationApi } from '../participation-api';
import { injectCommune, injectSlug, problemDetail } from '../shared/commune';
import { EMPTY_DRAFT, type FeedbackDraft, feedbackDrafts } from './feedback-draft';
import { type ChosenPhoto, downscalePhoto, FEEDBACK_PHOTO_MAX_BYTES, FEEDBACK_PHOTOS_MAX, FeedbackPhotosApi } from './feedback-photos';

type FieldErrors = Partial<Record<'category' | 'text' | 'place', string>>;

/**
 * `/communes/:slug/doleances/nouvelle`: send a doléance or a suggestion. What is typed is kept
 * in localStorage at each keystroke and only dropped once the commune has it; a failed send
 * leaves everything in place with a retry. On success: the tracking number, big, with a copy
 * button and the way to follow it.
 *
 * Photos (up to 4, camera or gallery) are downscaled on the phone, previewed, and sent one by one
 * right after the feedback, each with its progress; a photo that fails is retried alone, the
 * feedback is never lost with it. Sharing the place adds the phone's position (asked once).
 */
@Component({
  selector: 'cp-feedback-form-page',
  imports: [TranslocoPipe, RouterLink, NumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/participation.css',
  styles: [
    `
      .photo-list { display: flex; flex-wrap: wrap; gap: 0.75rem; list-style: none; padding: 0; margin: 0.5rem 0; }
      .photo-list li { display: flex; flex-direction: column; gap: 0.25rem; align-items: flex-start; }
      .photo-list img { width: 96px; height: 96px; object-fit: cover; border-radius: 4px; border: 1px solid #767676; }
      .photo-progress { display: flex; flex-direction: column; gap: 0.5rem; list-style: none; padding: 0; }
      .photo-progress progress { width: 10rem; }
    `,
  ],
  templateUrl: './feedback-form-page.html',
})
export class FeedbackFormPage {
  private readonly api = inject(ParticipationApi);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly photosApi = inject(FeedbackPhotosApi);
  protected readonly session = inject(AuthSession);
  protected readonly slug = injectSlug();
  protected readonly commune = injectCommune(this.slug);

  protected readonly kinds = FEEDBACK_KINDS;
  protected readonly categories = FEEDBACK_CATEGORIES;
  protected readonly visibilities = FEEDBACK_VISIBILITIES;
  protected readonly textMin = FEEDBACK_TEXT_MIN;
  protected readonly textMax = FEEDBACK_TEXT_MAX;
  protected readonly placeMax = FEEDBACK_PLACE_MAX;
  protected readonly photosMax = FEEDBACK_PHOTOS_MAX;

  protected readonly draft = signal<FeedbackDraft>(feedbackDrafts.read(this.slug) ?? EMPTY_DRAFT);
  protected readonly restored = signal(this.draft().text.trim() !== '' || this.draft().place.trim() !== '');
  /** Photos chosen before the page was closed or reloaded: not kept, the citizen is told to add them again. */
  protected readonly lostPhotos = signal(this.draft().photoCount);
  protected readonly errors = signal<FieldErrors>({});
  protected readonly sendError = signal('');
  protected readonly sending = signal(false);
  protected readonly sent = signal<FeedbackResponse | null>(null);
  protected readonly copied = signal(false);
  /** Photos chosen for the feedback (kept in memory only: too large for the saved draft). */
  protected readonly photos = signal<ChosenPhoto[]>([]);
  protected readonly photoError = signal('');
  protected readonly photoAnnouncement = signal('');
  protected readonly preparingPhotos = signal(false);
  protected readonly photosPending = computed(() => this.photos().some((photo) => photo.state === 'waiting' || photo.state === 'failed'));
  protected readonly photosFailed = computed(() => this.photos().some((photo) => photo.state === 'failed'));
  protected readonly photosSending = computed(() => this.photos().some((photo) => photo.state === 'sending'));
  /** "Partager l'emplacement": the phone's position goes with the feedback, and a photo's own position may be used. */
  protected readonly sharePlace = signal(false);
  protected readonly placeStatus = signal('');
  private position: { latitude: number; longitude: number } | null = null;
  private photoKey = 0;
  /** Said once when the text nears or passes the limit (not at every keystroke). */
  protected readonly countAnnouncement = signal('');

  protected readonly length = computed(() => this.draft().text.trim().length);
  protected readonly remaining = computed(() => this.textMax - this.length());
  protected readonly loginLink = computed(() => ({ retour: this.router.url }));
  protected readonly loginPath = LOGIN_PATH;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.photos().forEach((photo) => URL.revokeObjectURL(photo.previewUrl)));
  }

  protected edit(form: HTMLFormElement): void {
    const data = new FormData(form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const before = this.remaining();
    const next: FeedbackDraft = {
      kind: (text('kind') || 'doleance') as FeedbackKind,
      category: text('category') as FeedbackCategory | '',
      text: text('text'),
      place: text('place'),
      visibility: (text('visibility') || 'public') as FeedbackVisibility,
      photoCount: this.photos().length,
    };
    this.draft.set(next);
    feedbackDrafts.write(this.slug, next);
    this.announceCount(before, this.remaining());
    // An error goes away as soon as the field is fixed.
    if (Object.keys(this.errors()).length) this.errors.set(this.check(next, false));
  }

  protected async submit(): Promise<void> {
    if (this.sending()) return;
    const draft = this.draft();
    const errors = this.check(draft, true);
    this.errors.set(errors);
    this.sendError.set('');
    const first = (['category', 'text', 'place'] as const).find((field) => errors[field]);
    if (first) {
      this.host.querySelector<HTMLElement>(`#feedback-${first}`)?.focus();
      return;
    }
    await this.session.whenReady();
    if (!this.session.signedIn()) {
      // The draft is saved: it is here again after signing in.
      await this.router.navigate([LOGIN_PATH], { queryParams: { retour: this.router.url } });
      return;
    }
    this.sending.set(true);
    try {
      const created = await this.api.sendFeedback(this.slug, {
        kind: draft.kind,
        category: draft.category as FeedbackCategory,
        text: draft.text.trim(),
        place: draft.place.trim() || undefined,
        ...(this.sharePlace() && this.position ? this.position : {}),
        visibility: draft.visibility,
      });
      feedbackDrafts.clear(this.slug);
      this.sent.set(created);
      this.focusAfterRender('#feedback-sent-title');
      void this.sendPhotos();
    } catch (error) {
      this.sendError.set(this.failureText(error));
      this.focusAfterRender('#feedback-send-error');
    } finally {
      this.sending.set(false);
    }
  }

  protected async copy(number: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(number);
      this.copied.set(true);
    } catch {
      // No clipboard (old browser, no permission): the number stays selectable on screen.
      this.copied.set(false);
      const range = document.createRange();
      const target = this.host.querySelector('.number');
      if (target) {
        range.selectNodeContents(target);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      }
    }
  }

  /** Adds the photos picked with the camera or from the gallery, downscaled, up to the limit. */
  protected async addPhotos(input: HTMLInputElement): Promise<void> {
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length === 0) return;
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(`participation.form.photos.${key}`, params);
    this.photoError.set('');
    const room = this.photosMax - this.photos().length;
    if (files.length > room) this.photoError.set(t('tooMany', { max: this.photosMax }));
    this.preparingPhotos.set(true);
    try {
      for (const file of files.slice(0, Math.max(0, room))) {
        if (!file.type.startsWith('image/')) {
          this.photoError.set(t('notImage', { name: file.name }));
          continue;
        }
        const blob = await downscalePhoto(file);
        if (blob.size > FEEDBACK_PHOTO_MAX_BYTES) {
          this.photoError.set(t('tooLarge', { name: file.name, max: FEEDBACK_PHOTO_MAX_BYTES / (1024 * 1024) }));
          continue;
        }
        const photo: ChosenPhoto = { key: ++this.photoKey, blob, previewUrl: URL.createObjectURL(blob), state: 'waiting', progress: 0, error: '' };
        this.photos.update((photos) => [...photos, photo]);
        this.photoAnnouncement.set(t('added', { count: this.photos().length, max: this.photosMax }));
      }
    } finally {
      this.preparingPhotos.set(false);
      this.savePhotoCount();
    }
  }

  protected removePhoto(key: number): void {
    const photo = this.photos().find((candidate) => candidate.key === key);
    if (!photo) return;
    URL.revokeObjectURL(photo.previewUrl);
    this.photos.update((photos) => photos.filter((candidate) => candidate.key !== key));
    this.photoError.set('');
    this.photoAnnouncement.set(this.transloco.translate('participation.form.photos.removed', { count: this.photos().length, max: this.photosMax }));
    this.savePhotoCount();
    this.focusAfterRender('#feedback-photo-camera');
  }

  /** Asks the phone for its position when the citizen chooses to share the place. */
  protected toggleSharePlace(checked: boolean): void {
    this.sharePlace.set(checked);
    this.position = null;
    const t = (key: string) => this.transloco.translate(`participation.form.photos.${key}`);
    if (!checked) {
      this.placeStatus.set('');
      return;
    }
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      this.placeStatus.set(t('positionUnavailable'));
      return;
    }
    this.placeStatus.set(t('positionLocating'));
    navigator.geolocation.getCurrentPosition(
      (found) => {
        if (!this.sharePlace()) return;
        const round = (value: number) => Math.round(value * 1e6) / 1e6;
        this.position = { latitude: round(found.coords.latitude), longitude: round(found.coords.longitude) };
        this.placeStatus.set(t('positionFound'));
      },
      () => this.placeStatus.set(t('positionUnavailable')),
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 },
    );
  }

  /** Sends the photos not sent yet, one after the other (one slow request at a time on a weak connection). */
  protected async sendPhotos(): Promise<void> {
    const feedback = this.sent();
    if (!feedback || this.photosSending()) return;
    for (const photo of this.photos()) {
      if (photo.state === 'sent' || photo.state === 'sending') continue;
      this.updatePhoto(photo.key, { state: 'sending', progress: 0, error: '' });
      try {
        await this.photosApi.upload(this.slug, feedback.id, photo.blob, this.sharePlace(), (fraction) => this.updatePhoto(photo.key, { progress: Math.round(fraction * 100) }));
        this.updatePhoto(photo.key, { state: 'sent', progress: 100 });
      } catch (error) {
        this.updatePhoto(photo.key, { state: 'failed', error: this.photoFailureText(error) });
      }
    }
    const sentCount = this.photos().filter((photo) => photo.state === 'sent').length;
    if (this.photos().length > 0) {
      this.photoAnnouncement.set(this.transloco.translate('participation.sent.photos.done', { sent: sentCount, count: this.photos().length }));
    }
  }

  /** The draft remembers how many photos are chosen (not the photos: see FeedbackDraft.photoCount). */
  private savePhotoCount(): void {
    if (this.sent()) return;
    const next = { ...this.draft(), photoCount: this.photos().length };
    this.draft.set(next);
    feedbackDrafts.write(this.slug, next);
    if (this.photos().length >= this.lostPhotos()) this.lostPhotos.set(0);
  }

  protected another(): void {
    this.photos().forEach((photo) => URL.revokeObjectURL(photo.previewUrl));
    this.photos.set([]);
    this.photoError.set('');
    this.sent.set(null);
    this.copied.set(false);
    this.draft.set(EMPTY_DRAFT);
    this.restored.set(false);
    this.lostPhotos.set(0);
    this.focusAfterRender('#feedback-kind-doleance');
  }

  protected describedBy(field: 'category' | 'text' | 'place', ...extra: string[]): string {
    return [...extra, this.errors()[field] ? `feedback-${field}-error` : null].filter(Boolean).join(' ');
  }

  private check(draft: FeedbackDraft, all: boolean): FieldErrors {
    const errors: FieldErrors = {};
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(`participation.form.errors.${key}`, params);
    const length = draft.text.trim().length;
    if (!draft.category && (all || this.errors().category)) errors.category = t('category');
    if (length < this.textMin && (all || this.errors().text)) errors.text = t('textShort', { min: this.textMin, count: length });
    if (length > this.textMax) errors.text = t('textLong', { max: this.textMax, over: length - this.textMax });
    if (draft.place.trim().length > this.placeMax) errors.place = t('placeLong', { max: this.placeMax });
    return errors;
  }

  private failureText(error: unknown): string {
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(`participation.form.failed.${key}`, params);
    if (error instanceof ApiError) {
      if (error.isNetworkError) return t('offline');
      if (error.status === 401) return t('signedOut');
      if (error.status === 429) return t('tooMany');
      if (error.status === 422) return problemDetail(error) ?? t('closed');
      if (error.status >= 500) return t('server');
      const detail = problemDetail(error);
      if (detail) return t('refused', { detail });
    }
    return t('server');
  }

  private updatePhoto(key: number, change: Partial<ChosenPhoto>): void {
    this.photos.update((photos) => photos.map((photo) => (photo.key === key ? { ...photo, ...change } : photo)));
  }

  private photoFailureText(error: unknown): string {
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(`participation.sent.photos.failed.${key}`, params);
    if (error instanceof ApiError) {
      if (error.isNetworkError) return t('offline');
      if (error.status === 413) return t('tooLarge');
      if (error.status === 415) return t('notImage');
      if (error.status === 429) return t('tooMany');
      if (error.status === 409 || error.status === 422) return problemDetail(error) ?? t('refused');
    }
    return t('server');
  }

  private announceCount(before: number, after: number): void {
    for (const threshold of [200, 50, 0]) {
      if (before >= threshold && after < threshold) {
        this.countAnnouncement.set(
          after < 0
            ? this.transloco.translate('participation.form.count.over', { count: -after })
            : this.transloco.translate('participation.form.count.left', { count: after }),
        );
        return;
      }
    }
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
