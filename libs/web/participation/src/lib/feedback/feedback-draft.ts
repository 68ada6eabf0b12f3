import type { FeedbackCategory, FeedbackKind, FeedbackVisibility } from '@communes/shared-contracts';

/** What the citizen typed in the feedback form, kept on the phone until it is sent. */
export interface FeedbackDraft {
  kind: FeedbackKind;
  category: FeedbackCategory | '';
  text: string;
  place: string;
  visibility: FeedbackVisibility;
  /**
   * How many photos were chosen. The photos themselves are not kept (localStorage holds text;
   * a few MB of images would not fit it): this count lets the restored form say plainly that
   * they must be added again, instead of dropping them silently.
   */
  photoCount: number;
}

export const EMPTY_DRAFT: FeedbackDraft = { kind: 'doleance', category: '', text: '', place: '', visibility: 'public', photoCount: 0 };

const key = (slug: string) => `communes.feedback-draft.${slug}`;

/**
 * One draft per commune in localStorage: a closed tab, a dead battery or a failed send never
 * loses the text (photos: only their number, see `photoCount`). Storage may be unavailable (private mode, quota): the form then just works
 * without it.
 */
export const feedbackDrafts = {
  read(slug: string): FeedbackDraft | null {
    try {
      const raw = localStorage.getItem(key(slug));
      if (!raw) return null;
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== 'object' || parsed === null) return null;
      const draft = { ...EMPTY_DRAFT, ...(parsed as Partial<FeedbackDraft>) };
      if (typeof draft.photoCount !== 'number' || !Number.isInteger(draft.photoCount) || draft.photoCount < 0) draft.photoCount = 0;
      return typeof draft.text === 'string' ? draft : null;
    } catch {
      return null;
    }
  },
  write(slug: string, draft: FeedbackDraft): void {
    try {
      if (draft.text.trim() === '' && draft.place.trim() === '' && draft.photoCount === 0) localStorage.removeItem(key(slug));
      else localStorage.setItem(key(slug), JSON.stringify(draft));
    } catch {
      // No storage: nothing to keep, the form still works.
    }
  },
  clear(slug: string): void {
    try {
      localStorage.removeItem(key(slug));
    } catch {
      // Same as above.
    }
  },
};
