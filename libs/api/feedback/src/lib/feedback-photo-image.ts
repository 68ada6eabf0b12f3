import exifReader from 'exif-reader';
import sharp, { type Metadata } from 'sharp';

/** Longest side of a stored photo: enough to see a pothole, small on a phone's data plan. */
export const PHOTO_MAX_SIDE = 2048;
/** Longest side of the thumbnail that lists show (a few kB instead of a few hundred). */
export const THUMBNAIL_SIDE = 320;

// Uploads are each decoded once: libvips' operation cache would only hold memory.
sharp.cache(false);
/** Refuse decompression bombs: a small file that would decode to a huge bitmap. */
const MAX_INPUT_PIXELS = 50_000_000;

const OUTPUT: Record<string, { mediaType: string; extension: string }> = {
  jpeg: { mediaType: 'image/jpeg', extension: 'jpg' },
  png: { mediaType: 'image/png', extension: 'png' },
  webp: { mediaType: 'image/webp', extension: 'webp' },
};

export class NotAPhotoError extends Error {
  constructor() {
    super('Not a JPEG, PNG or WebP image.');
  }
}

export interface GpsPosition {
  latitude: number;
  longitude: number;
}

export interface ProcessedPhoto {
  bytes: Buffer;
  mediaType: string;
  extension: string;
  width: number;
  height: number;
  /** The position the camera wrote in the EXIF, if any: used only when the citizen shares the place. */
  gps: GpsPosition | null;
}

/**
 * Judges the upload by its bytes (what the image decoder recognises, not the name or the declared
 * type), then re-encodes it: turned upright from its EXIF orientation, downscaled to
 * PHOTO_MAX_SIDE, and written without any metadata (sharp drops EXIF, XMP, IPTC and ICC unless
 * asked to keep them), so the stored file carries no GPS position, camera serial or date.
 */
export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  let metadata: Metadata;
  try {
    metadata = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch {
    throw new NotAPhotoError();
  }
  const output = metadata.format ? OUTPUT[metadata.format] : undefined;
  if (!output) throw new NotAPhotoError();
  const gps = metadata.exif ? readGps(metadata.exif) : null;
  let image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    .rotate()
    .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: 'inside', withoutEnlargement: true });
  if (metadata.format === 'jpeg') image = image.jpeg({ quality: 82, mozjpeg: true });
  else if (metadata.format === 'png') image = image.png({ compressionLevel: 9 });
  else image = image.webp({ quality: 80 });
  try {
    const { data, info } = await image.toBuffer({ resolveWithObject: true });
    return { bytes: data, mediaType: output.mediaType, extension: output.extension, width: info.width, height: info.height, gps };
  } catch {
    // Truncated or corrupt image data that the header alone did not reveal.
    throw new NotAPhotoError();
  }
}

/**
 * A small JPEG of a photo already processed by `processPhoto` (so without metadata), for lists:
 * transparent PNGs are laid on white.
 */
export async function makeThumbnail(photo: Buffer): Promise<Buffer> {
  return sharp(photo)
    .resize({ width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 70, mozjpeg: true })
    .toBuffer();
}

/** The GPS position of an EXIF block in decimal degrees, or null when absent or nonsensical. */
export function readGps(exif: Buffer): GpsPosition | null {
  try {
    const info = exifReader(exif).GPSInfo;
    if (!info) return null;
    const latitude = toDegrees(info.GPSLatitude, info.GPSLatitudeRef, 'S');
    const longitude = toDegrees(info.GPSLongitude, info.GPSLongitudeRef, 'W');
    if (latitude === null || longitude === null) return null;
    if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180 || (latitude === 0 && longitude === 0)) return null;
    return { latitude: round(latitude), longitude: round(longitude) };
  } catch {
    return null;
  }
}

function toDegrees(value: unknown, ref: unknown, negative: string): number | null {
  if (!Array.isArray(value) || value.length !== 3 || !value.every((part) => typeof part === 'number' && Number.isFinite(part))) return null;
  const [degrees, minutes, seconds] = value as number[];
  const decimal = degrees + minutes / 60 + seconds / 3600;
  return ref === negative ? -decimal : decimal;
}

/** About 10 cm: more digits would only pretend to a precision phones do not have. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
