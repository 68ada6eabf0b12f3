import sharp from 'sharp';
import { makeThumbnail, NotAPhotoError, PHOTO_MAX_SIDE, processPhoto, readGps, THUMBNAIL_SIDE } from './feedback-photo-image';

/** A photo as a phone writes it: EXIF with the camera, a GPS position (Cotonou) and an orientation. */
function phonePhoto(options: { width?: number; height?: number; format?: 'jpeg' | 'png' | 'webp'; orientation?: number } = {}): Promise<Buffer> {
  const base = sharp({ create: { width: options.width ?? 64, height: options.height ?? 32, channels: 3, background: '#3a7' } });
  const image = (options.orientation ? base.withMetadata({ orientation: options.orientation }) : base).withExif({
    IFD0: { Make: 'Tecno', Model: 'Spark 10' },
    IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '6/1 22/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 25/1 3000/100' },
  });
  const format = options.format ?? 'jpeg';
  return (format === 'jpeg' ? image.jpeg() : format === 'png' ? image.png() : image.webp()).toBuffer();
}

describe('processPhoto', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('re-encodes a %s without any metadata and reads its GPS position', async (format) => {
    const input = await phonePhoto({ format });
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const photo = await processPhoto(input);
    expect(photo.mediaType).toBe(`image/${format}`);
    expect(photo.gps).toEqual({ latitude: 6.370094, longitude: 2.425 });
    const stored = await sharp(photo.bytes).metadata();
    expect(stored.format).toBe(format);
    expect(stored.exif).toBeUndefined();
    expect(stored.xmp).toBeUndefined();
    expect(readGps(photo.bytes)).toBeNull();
    // Nothing of the original EXIF survives in the bytes.
    expect(photo.bytes.includes(Buffer.from('Tecno'))).toBe(false);
  });

  it('turns the photo upright from its EXIF orientation, then forgets the orientation', async () => {
    const photo = await processPhoto(await phonePhoto({ width: 64, height: 32, orientation: 6 }));
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 32, height: 64 });
    expect((await sharp(photo.bytes).metadata()).orientation).toBeUndefined();
  });

  it(`downscales large photos to ${PHOTO_MAX_SIDE} px on the longest side, never enlarges small ones`, async () => {
    const large = await processPhoto(await phonePhoto({ width: 4000, height: 3000 }));
    expect({ width: large.width, height: large.height }).toEqual({ width: PHOTO_MAX_SIDE, height: 1536 });
    const small = await processPhoto(await phonePhoto({ width: 300, height: 200 }));
    expect({ width: small.width, height: small.height }).toEqual({ width: 300, height: 200 });
  });

  it('refuses what is not a JPEG, PNG or WebP image, whatever it is called', async () => {
    await expect(processPhoto(Buffer.from('Ceci est un fichier texte nommé photo.jpg'))).rejects.toBeInstanceOf(NotAPhotoError);
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).gif().toBuffer();
    await expect(processPhoto(gif)).rejects.toBeInstanceOf(NotAPhotoError);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    await expect(processPhoto(svg)).rejects.toBeInstanceOf(NotAPhotoError);
    const truncated = (await phonePhoto({ width: 400, height: 400 })).subarray(0, 300);
    await expect(processPhoto(truncated)).rejects.toBeInstanceOf(NotAPhotoError);
  });

  it('reads no position from a photo without GPS', async () => {
    const plain = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).jpeg().toBuffer();
    expect((await processPhoto(plain)).gps).toBeNull();
  });
});

describe('makeThumbnail', () => {
  it(`makes a small JPEG (${THUMBNAIL_SIDE} px at most) without metadata, transparent PNGs on white`, async () => {
    const photo = await processPhoto(await phonePhoto({ width: 1600, height: 1200, format: 'png' }));
    const thumbnail = await makeThumbnail(photo.bytes);
    const meta = await sharp(thumbnail).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height, exif: meta.exif, alpha: meta.hasAlpha }).toEqual({ format: 'jpeg', width: THUMBNAIL_SIDE, height: 240, exif: undefined, alpha: false });
    expect(thumbnail.length).toBeLessThan(photo.bytes.length);
  });
});
