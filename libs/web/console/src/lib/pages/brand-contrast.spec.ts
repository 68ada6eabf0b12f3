import type { BrandingResponse } from '@communes/web-api-client';
import { contrastRatio, contrastReport, formatRatio, isHexColor } from './brand-contrast';
import { brandingPatch } from './branding-page';

describe('brand colour contrast', () => {
  it('computes WCAG ratios: white on black is 21:1, a colour on itself 1:1', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#0b6e4f', '#0b6e4f')).toBe(1);
  });

  it('warns under 4.5:1 with white text (#767676 passes at 4.54, #777777 fails at 4.48)', () => {
    expect(contrastReport('#767676')).toMatchObject({ whitePasses: true, blackPasses: true });
    expect(contrastReport('#777777')?.whitePasses).toBe(false);
    expect(contrastReport('#FFD700')).toMatchObject({ whitePasses: false, blackPasses: true });
    expect(contrastReport('#1d3557')).toMatchObject({ whitePasses: true, blackPasses: false });
    expect(contrastReport('red')).toBeNull();
    expect(isHexColor(' #0B6E4F ')).toBe(true);
    expect(isHexColor('#0b6e4')).toBe(false);
  });

  it('never rounds a failing ratio up to a passing one', () => {
    expect(formatRatio(4.499, 'fr-FR')).toBe('4,49');
    expect(formatRatio(21, 'en-GB')).toBe('21.00');
  });
});

describe('brandingPatch', () => {
  const stored: BrandingResponse = {
    primaryColor: '#0b6e4f',
    secondaryColor: null,
    logoUrl: null,
    presentation: 'Texte',
    mayorName: null,
    contactEmail: 'mairie@cotonou.bj',
    contactPhone: null,
    address: null,
    website: null,
    updatedAt: null,
  };
  const form = { primaryColor: '#0b6e4f', secondaryColor: '', presentation: 'Texte', mayorName: '', contactEmail: 'mairie@cotonou.bj', contactPhone: '', address: '', website: '' };

  it('sends only what changed, colours in lowercase, and null for a cleared field', () => {
    expect(brandingPatch(stored, form)).toEqual({});
    expect(brandingPatch(stored, { ...form, primaryColor: '#1D3557', contactEmail: ' ', mayorName: ' Luc Atrokpo ' })).toEqual({
      primaryColor: '#1d3557',
      contactEmail: null,
      mayorName: 'Luc Atrokpo',
    });
  });
});
