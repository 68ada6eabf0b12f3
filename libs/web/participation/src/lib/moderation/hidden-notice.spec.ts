import { TestBed } from '@angular/core/testing';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import { HiddenNotice } from './hidden-notice';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

describe('HiddenNotice', () => {
  async function render(inputs: { mine: boolean; reason: string | null }, lang: 'fr' | 'en' = 'fr') {
    TestBed.configureTestingModule({ providers: [provideCommunesI18nTesting({ moderation: { fr, en } }, lang)] });
    const fixture = TestBed.createComponent(HiddenNotice);
    fixture.componentRef.setInput('mine', inputs.mine);
    fixture.componentRef.setInput('reason', inputs.reason);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('to others: hidden by moderation, no reason', async () => {
    const host = await render({ mine: false, reason: null });
    expect(host.querySelector('[role="note"]')?.textContent).toContain('Masqué par la modération');
    expect(host.textContent).toContain('il enfreignait les règles de participation');
    expect(host.textContent).not.toContain('Raison');
  });

  it('to its author: still visible to them, with the reason (English too)', async () => {
    const host = await render({ mine: true, reason: 'Personal phone number' }, 'en');
    expect(host.textContent).toContain('Hidden by moderation');
    expect(host.textContent).toContain('Only you still see it.');
    expect(host.textContent).toContain('Reason: Personal phone number');
  });
});
