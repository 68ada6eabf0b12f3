import type { StreamKind } from '@communes/shared-contracts';

export interface NormalizedStream {
  kind: StreamKind;
  /** The link as given, normalised (what a citizen can open in a new tab). */
  url: string;
  /** What the web app puts in its player: a YouTube or Facebook embed, or the HLS playlist itself. */
  embedUrl: string;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be', 'www.youtube-nocookie.com']);
const FACEBOOK_HOSTS = new Set(['facebook.com', 'www.facebook.com', 'm.facebook.com', 'web.facebook.com', 'fb.watch']);

/**
 * Accepts a YouTube or Facebook video link, or any HTTPS HLS playlist (`.m3u8`), and returns it
 * normalised with its embed URL; returns a reason otherwise. Only https: no javascript:, data:,
 * http: or credentials, since the web app puts this URL in an iframe or a player.
 */
export function normalizeStreamUrl(input: string): NormalizedStream | { error: string } {
  const raw = input.trim();
  if (raw.length > 500) return { error: 'streamUrl must be at most 500 characters' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { error: 'streamUrl must be a full https:// link' };
  }
  if (url.protocol !== 'https:') return { error: 'streamUrl must be an https:// link (not http:, javascript: or data:)' };
  if (url.username || url.password) return { error: 'streamUrl must not contain a user name or password' };
  if (url.port && url.port !== '443') return { error: 'streamUrl must use the standard https port' };
  url.hash = '';
  const host = url.hostname.toLowerCase();

  if (YOUTUBE_HOSTS.has(host)) {
    const id = youtubeId(url, host);
    if (!id) return { error: 'streamUrl: this YouTube link does not name a video (use the link of the video or live stream)' };
    return { kind: 'youtube', url: `https://www.youtube.com/watch?v=${id}`, embedUrl: `https://www.youtube-nocookie.com/embed/${id}` };
  }
  if (FACEBOOK_HOSTS.has(host)) {
    const isVideo = host === 'fb.watch' ? /^\/[A-Za-z0-9_-]+\/?$/.test(url.pathname) : /\/videos\/|^\/watch\/?(live\/?)?$|^\/reel\//.test(url.pathname);
    if (!isVideo) return { error: 'streamUrl: this Facebook link does not name a video (use the link of the video or live)' };
    if (host !== 'fb.watch') url.hostname = 'www.facebook.com';
    // Tracking parameters are dropped; a watch link keeps its video id.
    const v = url.searchParams.get('v');
    url.search = v && /^[0-9]+$/.test(v) ? `?v=${v}` : '';
    const canonical = url.toString();
    return { kind: 'facebook', url: canonical, embedUrl: `https://www.facebook.com/plugins/video.php?href=${encodeURIComponent(canonical)}&show_text=false` };
  }
  if (url.pathname.toLowerCase().endsWith('.m3u8')) {
    const normalized = url.toString();
    return { kind: 'hls', url: normalized, embedUrl: normalized };
  }
  return { error: 'streamUrl must be a YouTube or Facebook video link, or an HLS playlist ending in .m3u8' };
}

function youtubeId(url: URL, host: string): string | null {
  const segments = url.pathname.split('/').filter(Boolean);
  let candidate: string | null | undefined;
  if (host === 'youtu.be') candidate = segments[0];
  else if (segments[0] === 'watch') candidate = url.searchParams.get('v');
  else if (['embed', 'live', 'shorts', 'v'].includes(segments[0] ?? '')) candidate = segments[1];
  return candidate && YOUTUBE_ID.test(candidate) ? candidate : null;
}
