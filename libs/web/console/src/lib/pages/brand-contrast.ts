import { BRANDING_LIMITS, relativeLuminance } from '@communes/shared-contracts';

const HEX = /^#[0-9a-f]{6}$/i;

export function isHexColor(value: string): boolean {
  return HEX.test(value.trim());
}

/** WCAG 2.1 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

export interface ContrastReport {
  withWhite: number;
  withBlack: number;
  /** White text on the colour reaches AA (4.5:1): the API requires it, the public header uses it. */
  whitePasses: boolean;
  blackPasses: boolean;
}

/** The contrast of white and black text on a colour; null when it is not a `#rrggbb` colour. */
export function contrastReport(color: string): ContrastReport | null {
  if (!isHexColor(color)) return null;
  const hex = color.trim().toLowerCase();
  const withWhite = contrastRatio(hex, '#ffffff');
  const withBlack = contrastRatio(hex, '#000000');
  const min = BRANDING_LIMITS.minContrastWithWhite;
  return { withWhite, withBlack, whitePasses: withWhite >= min, blackPasses: withBlack >= min };
}

/** "4.52" in English, "4,52" in French: ratios are rounded down so that 4.499 never shows as 4.50. */
export function formatRatio(ratio: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.floor(ratio * 100) / 100);
}
