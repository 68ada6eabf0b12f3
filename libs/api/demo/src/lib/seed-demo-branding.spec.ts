import { BRANDING_LIMITS, contrastWithWhite } from '@communes/shared-contracts';
import { DEMO_BRANDING } from './seed-demo-branding';

describe('demo branding', () => {
  it.each(Object.entries(DEMO_BRANDING))('%s: colours keep white text readable (WCAG AA) and the text fits', (_slug, branding) => {
    for (const color of [branding.primaryColor, branding.secondaryColor]) {
      expect({ color, ok: contrastWithWhite(color) >= BRANDING_LIMITS.minContrastWithWhite }).toEqual({ color, ok: true });
    }
    expect(branding.presentation.length).toBeLessThanOrEqual(BRANDING_LIMITS.presentationMaxLength);
  });
});
