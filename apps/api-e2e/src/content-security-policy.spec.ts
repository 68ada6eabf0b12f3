import { normalizeStreamUrl } from '@communes/api-council-sessions';
import { TestContext } from '@communes/api-testing';

function directives(header: string | undefined): Map<string, string[]> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/**
 * The Content-Security-Policy that the API sends with every answer (and so with the web app it
 * serves): scripts only from itself, and frames only from the session players the API embeds.
 */
describe('Content-Security-Policy', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  it('allows exactly the YouTube (no cookies) and Facebook players in frames, and HLS video over https', async () => {
    const response = await ctx.request({ method: 'GET', url: '/api/v1/health' });
    const csp = directives(response.headers['content-security-policy'] as string | undefined);

    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(['https://www.youtube-nocookie.com', 'https://www.facebook.com']);
    expect(csp.get('media-src')).toEqual(["'self'", 'https:']);
    // Photo previews made in the browser before upload (blob: URLs).
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https:']);
    expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
  });

  it('covers every player URL the API makes out of a stream link', () => {
    const frameOrigins = ['https://www.youtube-nocookie.com', 'https://www.facebook.com'];
    for (const link of ['https://youtu.be/dQw4w9WgXcQ', 'https://www.youtube.com/live/dQw4w9WgXcQ', 'https://www.facebook.com/mairie/videos/123456789/', 'https://fb.watch/abcDEF123/']) {
      const stream = normalizeStreamUrl(link);
      if ('error' in stream) throw new Error(stream.error);
      expect(frameOrigins).toContain(new URL(stream.embedUrl).origin);
    }
    const hls = normalizeStreamUrl('https://cdn.example.bj/live/conseil.m3u8');
    expect('error' in hls ? hls.error : new URL(hls.embedUrl).protocol).toBe('https:');
  });
});
