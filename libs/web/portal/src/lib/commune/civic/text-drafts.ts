/**
 * What a citizen is typing (a question, a comment), kept in localStorage at each keystroke and
 * dropped only once the commune has it: a failed send, a reload or the way through the login
 * page never loses it. Storage may be unavailable (private mode, full): then only in memory.
 */
const PREFIX = 'communes.draft.';

export const textDrafts = {
  read(key: string): string {
    try {
      return globalThis.localStorage?.getItem(PREFIX + key) ?? '';
    } catch {
      return '';
    }
  },
  write(key: string, text: string): void {
    try {
      if (text.trim() === '') globalThis.localStorage?.removeItem(PREFIX + key);
      else globalThis.localStorage?.setItem(PREFIX + key, text);
    } catch {
      // Storage full or refused: the text stays in the form.
    }
  },
  clear(key: string): void {
    try {
      globalThis.localStorage?.removeItem(PREFIX + key);
    } catch {
      // Nothing to clear.
    }
  },
};
