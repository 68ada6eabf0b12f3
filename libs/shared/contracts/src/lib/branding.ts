/**
 * How a commune presents itself on its public page: colours, logo, a short text, the mayor and
 * how to reach the town hall. Every field is optional (null until the commune fills it in).
 */
export interface CommuneBranding {
  /** `#rrggbb`, lowercase; white text on it reaches WCAG AA (4.5:1). */
  primaryColor: string | null;
  secondaryColor: string | null;
  /** Path of the public logo (versioned: the URL changes when the logo does), or null. */
  logoUrl: string | null;
  /** A short presentation, in French (plain text, paragraphs separated by blank lines). */
  presentation: string | null;
  mayorName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  address: string | null;
  website: string | null;
  /** ISO 8601 date-time of the last change, null when never set. */
  updatedAt: string | null;
}

/** The limits the API enforces, for forms to show before sending. */
export const BRANDING_LIMITS = {
  presentationMaxLength: 1500,
  mayorNameMaxLength: 120,
  addressMaxLength: 300,
  websiteMaxLength: 300,
  logoMaxBytes: 1024 * 1024,
  logoMediaTypes: ['image/png', 'image/jpeg', 'image/webp'],
  /** Largest width or height of the logo, in pixels (read from its header). */
  logoMaxPixels: 4096,
  /** WCAG 2.1 AA for normal text: white text on the brand colours must reach this ratio. */
  minContrastWithWhite: 4.5,
} as const;

/** WCAG 2.1 relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const channel = (offset: number): number => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/**
 * Contrast ratio (1 to 21) of white text on a `#rrggbb` background. The ratio is symmetric, so a
 * colour that passes also works as text (links, headings) on a white page.
 */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (relativeLuminance(hex) + 0.05);
}
