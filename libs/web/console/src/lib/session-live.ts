/** How the control room hears about a session's changes. */
export type LiveMode = 'stream' | 'polling' | 'off';

export interface LiveFollowOptions {
  /** `…/council-sessions/:id/events` (public: EventSource sends no token, and needs none). */
  url: string;
  /** Called (at most once a second) when something happened: reload the session. */
  changed: () => void;
  mode: (mode: LiveMode) => void;
  /** Polling period when server-sent events are unavailable or keep failing. */
  pollMs?: number;
}

const STREAM_EVENTS = ['status', 'question', 'answer', 'hidden', 'updated'] as const;

/**
 * Follows a session's server-sent events and asks for a reload when one arrives; without
 * EventSource, or when the stream keeps failing (a proxy that buffers, a captive portal), falls
 * back to reloading every `pollMs`. The staff view reloads the session rather than applying the
 * events, since the public stream does not carry what only staff see (hidden questions, authors).
 * Returns a function that stops following.
 */
export function followSession(options: LiveFollowOptions): () => void {
  const pollMs = options.pollMs ?? 10_000;
  let stopped = false;
  let source: EventSource | null = null;
  let poller: ReturnType<typeof setInterval> | null = null;
  let pending: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;

  const notify = () => {
    if (stopped || pending) return;
    pending = setTimeout(() => {
      pending = null;
      if (!stopped) options.changed();
    }, 1000);
  };
  const poll = () => {
    source?.close();
    source = null;
    if (poller || stopped) return;
    options.mode('polling');
    poller = setInterval(() => !stopped && options.changed(), pollMs);
  };

  if (typeof EventSource === 'undefined') {
    poll();
  } else {
    source = new EventSource(options.url);
    source.onopen = () => {
      // A reconnection may have missed events: reload once.
      if (failures > 0) notify();
      failures = 0;
      options.mode('stream');
    };
    source.onerror = () => {
      // The browser retries on its own (retry: 3000); after a few failures in a row, poll instead.
      failures += 1;
      if (failures >= 3 || source?.readyState === EventSource.CLOSED) poll();
    };
    for (const type of STREAM_EVENTS) source.addEventListener(type, notify);
  }

  return () => {
    stopped = true;
    source?.close();
    if (poller) clearInterval(poller);
    if (pending) clearTimeout(pending);
    options.mode('off');
  };
}
