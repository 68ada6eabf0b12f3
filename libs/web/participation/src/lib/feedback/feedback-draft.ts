import type { FeedbackCategory, FeedbackKind, FeedbackVisibility } from '@communes/shared-contracts';

/** What the citizen typed in the feedback form, kept on the phone until it is sent. */
export interface FeedbackDraft {
  kind: FeedbackKind;
  category: FeedbackCategory | '';
  text: string;
  place: string;
  visibility: FeedbackVisibility;
}

export const EMPTY_DRAFT: FeedbackDraft = { kind: 'doleance', category: '', text: '', place: '', visibility: 'public' };

const key = (slug: string) => `communes.feedback-draft.${slug}`;

/**
 * One draft per commune in localStorage: a closed tab, a dead battery or a failed send never
 * loses the text. Storage may be unavailable (private mode, quota): the form then just works
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
      return typeof draft.text === 'string' ? draft : null;
    } catch {
      return null;
    }
  },
  write(slug: string, draft: FeedbackDraft): void {
    try {
      if (draft.text.trim() === '' && draft.place.trim() === '') localStorage.removeItem(key(slug));
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
