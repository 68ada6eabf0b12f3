import { detectLogoType, imageSize, isSvg } from './logo-image';

/** A 1×1 PNG, a tiny JPEG and WebP, as real encoders write them. */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const WEBP_1X1 = Buffer.from('UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=', 'base64');
/** SOI, an APP0 (JFIF) segment, a baseline frame header of 300 × 200, EOI. */
const JPEG_MINIMAL = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
  Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0xc8, 0x01, 0x2c, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]),
  Buffer.alloc(40),
  Buffer.from([0xff, 0xd9]),
]);

describe('detectLogoType', () => {
  it('accepts PNG, JPEG and WebP from their bytes', () => {
    expect(detectLogoType(PNG_1X1)?.mediaType).toBe('image/png');
    expect(detectLogoType(JPEG_MINIMAL)?.mediaType).toBe('image/jpeg');
    expect(detectLogoType(WEBP_1X1)?.mediaType).toBe('image/webp');
  });

  it('refuses bytes that lie: a PDF, HTML, an SVG, a truncated PNG, a PNG signature followed by anything', () => {
    expect(detectLogoType(Buffer.from('%PDF-1.4\n%…\n'))).toBeNull();
    expect(detectLogoType(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(detectLogoType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectLogoType(PNG_1X1.subarray(0, 40))).toBeNull();
    expect(detectLogoType(Buffer.concat([PNG_1X1.subarray(0, 16), Buffer.from('<script>alert(1)</script>'.repeat(4))]))).toBeNull();
    expect(detectLogoType(Buffer.concat([WEBP_1X1, Buffer.from('extra')]))).toBeNull();
  });

  it('reads the declared size from the header, without decoding', () => {
    expect(imageSize(PNG_1X1, { extension: 'png', mediaType: 'image/png' })).toEqual({ width: 1, height: 1 });
    expect(imageSize(WEBP_1X1, { extension: 'webp', mediaType: 'image/webp' })).toEqual({ width: 1, height: 1 });
    expect(imageSize(JPEG_MINIMAL, { extension: 'jpg', mediaType: 'image/jpeg' })).toEqual({ width: 300, height: 200 });
    const huge = Buffer.from(PNG_1X1);
    huge.writeUInt32BE(30_000, 16);
    expect(imageSize(huge, { extension: 'png', mediaType: 'image/png' })).toEqual({ width: 30_000, height: 1 });
  });

  it('recognizes SVG, to refuse it by name', () => {
    expect(isSvg(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe(true);
    expect(isSvg(Buffer.from('  <svg onload="alert(1)"></svg>'))).toBe(true);
    expect(isSvg(PNG_1X1)).toBe(false);
  });
});
