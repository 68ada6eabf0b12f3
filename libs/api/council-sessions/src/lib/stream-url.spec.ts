import { normalizeStreamUrl } from './stream-url';

describe('normalizeStreamUrl', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ?si=abc', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://m.youtube.com/live/dQw4w9WgXcQ?feature=share', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['  https://www.youtube.com/embed/dQw4w9WgXcQ  ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
  ])('YouTube %s → embed', (input, embed) => {
    expect(normalizeStreamUrl(input)).toEqual({ kind: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', embedUrl: embed });
  });

  it('Facebook video → video plugin embed, tracking parameters dropped', () => {
    expect(normalizeStreamUrl('https://m.facebook.com/MairieDeCotonou/videos/1234567890/?mibextid=xyz')).toEqual({
      kind: 'facebook',
      url: 'https://www.facebook.com/MairieDeCotonou/videos/1234567890/',
      embedUrl: 'https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2FMairieDeCotonou%2Fvideos%2F1234567890%2F&show_text=false',
    });
    expect(normalizeStreamUrl('https://www.facebook.com/watch/live/?v=987654321&ref=x')).toMatchObject({ kind: 'facebook', url: 'https://www.facebook.com/watch/live/?v=987654321' });
  });

  it('any https HLS playlist', () => {
    expect(normalizeStreamUrl('https://live.cotonou.bj/conseil/index.m3u8?token=a')).toEqual({
      kind: 'hls',
      url: 'https://live.cotonou.bj/conseil/index.m3u8?token=a',
      embedUrl: 'https://live.cotonou.bj/conseil/index.m3u8?token=a',
    });
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'http://live.cotonou.bj/x.m3u8',
    'https://user:pw@live.cotonou.bj/x.m3u8',
    'https://www.youtube.com/watch?v=short',
    'https://www.youtube.com/@MairieCotonou',
    'https://www.facebook.com/MairieDeCotonou',
    'https://example.com/video.mp4',
    'not a url',
    `https://live.cotonou.bj/${'a'.repeat(500)}.m3u8`,
  ])('refuses %s', (input) => {
    expect(normalizeStreamUrl(input)).toEqual({ error: expect.stringContaining('streamUrl') });
  });
});
