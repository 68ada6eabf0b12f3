import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import civicEn from '../civic/i18n/en.json';
import civicFr from '../civic/i18n/fr.json';
import { type StreamKind, StreamPlayer } from './stream-player';

describe('StreamPlayer', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideCommunesI18nTesting({ civic: { fr: civicFr, en: civicEn } })] });
  });
  afterEach(() => jest.restoreAllMocks());

  async function render(kind: StreamKind, url: string, embedUrl: string | null): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(StreamPlayer);
    fixture.componentRef.setInput('kind', kind);
    fixture.componentRef.setInput('url', url);
    fixture.componentRef.setInput('embedUrl', embedUrl);
    fixture.componentRef.setInput('title', 'Session du conseil');
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('loads the Facebook player on request only, with autoplay, and focuses it', async () => {
    const link = 'https://www.facebook.com/mairie/videos/123/';
    const embed = `https://www.facebook.com/plugins/video.php?href=${encodeURIComponent(link)}&show_text=false`;
    const host = await render('facebook', link, embed);
    expect(host.querySelector('iframe')).toBeNull();
    expect(host.querySelector('#stream-note')?.textContent?.trim()).toBe("Le lecteur Facebook ne se charge qu'à votre demande (économise vos données).");
    host.querySelector('button')?.click();
    await TestBed.inject(ApplicationRef).whenStable();
    const frame = host.querySelector('iframe');
    expect(frame?.getAttribute('src')).toBe(`${embed}&autoplay=true`);
    expect(host.querySelector('a')?.textContent?.trim()).toBe('Ouvrir la retransmission sur Facebook');
  });

  it('plays HLS in the native player where the browser can, and otherwise offers the link', async () => {
    const playlist = 'https://tv.example.bj/live/conseil.m3u8';
    jest.spyOn(HTMLMediaElement.prototype, 'canPlayType').mockReturnValue('');
    let host = await render('hls', playlist, playlist);
    expect(host.querySelector('video')).toBeNull();
    expect(host.querySelector('.cp-notice')?.textContent?.trim()).toBe('Votre navigateur ne lit pas ce flux vidéo ici : ouvrez-le dans une autre application.');
    expect(host.querySelector('a')?.getAttribute('href')).toBe(playlist);

    jest.spyOn(HTMLMediaElement.prototype, 'canPlayType').mockReturnValue('maybe');
    host = await render('hls', playlist, playlist);
    const video = host.querySelector('video');
    expect(video?.getAttribute('src')).toBe(playlist);
    expect(video?.getAttribute('preload')).toBe('none');
  });
});
