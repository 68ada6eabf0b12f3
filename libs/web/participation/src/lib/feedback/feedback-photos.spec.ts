import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthSession } from '@communes/web-auth';
import { CommunesApi } from '@communes/web-data-access';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import { of } from 'rxjs';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { feedbackRoutes } from '../participation.routes';
import { sentFeedback } from '../testing-fixtures';
import { downscalePhoto } from './feedback-photos';

const settle = () => new Promise((resolve) => setTimeout(resolve));
const DRAFT_KEY = 'communes.feedback-draft.cotonou';
const PHOTOS_URL = '/api/v1/communes/cotonou/feedback/f1/photos';

async function open() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([{ path: 'communes/:slug/doleances', children: feedbackRoutes }]),
      provideCommunesI18nTesting({ participation: { fr, en } }),
      { provide: CommunesApi, useValue: { get: () => of({ slug: 'cotonou', name: 'Cotonou' }) } },
    ],
  });
  const session = TestBed.inject(AuthSession);
  jest.spyOn(session, 'whenReady').mockResolvedValue();
  jest.spyOn(session, 'signedIn').mockReturnValue(true);
  jest.spyOn(session, 'status').mockReturnValue('signed-in');
  const harness = await RouterTestingHarness.create('/communes/cotonou/doleances/nouvelle');
  await harness.fixture.whenStable();
  return { harness, page: harness.routeNativeElement as HTMLElement, http: TestBed.inject(HttpTestingController) };
}

function photoFile(name: string, type = 'image/jpeg'): File {
  return new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], name, { type });
}

/** What the browser does when the citizen picks files in the gallery. */
function pick(page: HTMLElement, files: File[], input: 'gallery' | 'camera' = 'gallery'): void {
  const field = page.querySelectorAll<HTMLInputElement>('input[type=file]')[input === 'camera' ? 0 : 1];
  Object.defineProperty(field, 'files', { value: files, configurable: true });
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('feedback photos in the form', () => {
  let urls = 0;
  beforeEach(() => {
    localStorage.clear();
    urls = 0;
    Object.assign(URL, { createObjectURL: jest.fn(() => `blob:photo-${++urls}`), revokeObjectURL: jest.fn() });
  });

  it('offers the camera and the gallery, previews up to 4 photos, removes one, and says so to screen readers', async () => {
    const { harness, page } = await open();
    const [camera, gallery] = Array.from(page.querySelectorAll<HTMLInputElement>('input[type=file]'));
    expect(camera.getAttribute('accept')).toBe('image/*');
    expect(camera.hasAttribute('capture')).toBe(true);
    expect(gallery.hasAttribute('multiple')).toBe(true);
    expect(page.querySelector('#feedback-photo-camera')?.textContent?.trim()).toBe('Prendre une photo');
    expect(page.querySelector('#feedback-photo-gallery')?.textContent?.trim()).toBe('Choisir dans la galerie');

    pick(page, [photoFile('a.jpg'), photoFile('b.jpg'), photoFile('c.jpg'), photoFile('d.jpg'), photoFile('e.jpg')]);
    await settle();
    await harness.fixture.whenStable();
    const previews = page.querySelectorAll<HTMLImageElement>('.photo-list img');
    expect(previews).toHaveLength(4);
    expect(previews[0].getAttribute('alt')).toBe('Aperçu de la photo 1');
    expect(previews[0].getAttribute('src')).toBe('blob:photo-1');
    expect(page.querySelector('#feedback-photos-error')?.textContent).toBe('4 photos au plus : les suivantes n\'ont pas été ajoutées.');
    expect(page.querySelector('#feedback-photo-camera')).toBeNull();
    expect(page.textContent).toContain('Vous avez ajouté 4 photos, le maximum.');

    const remove = page.querySelectorAll<HTMLButtonElement>('.photo-list button')[1];
    expect(remove.textContent?.replace(/\s+/g, ' ').trim()).toBe('Retirer la photo 2');
    remove.click();
    await harness.fixture.whenStable();
    expect(page.querySelectorAll('.photo-list img')).toHaveLength(3);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:photo-2');
    expect(page.textContent).toContain('Photo retirée : 3 sur 4.');
    expect(document.activeElement?.id).toBe('feedback-photo-camera');
  });

  it('does not drop photos silently: the draft keeps their number, and a reopened form asks to add them again', async () => {
    const { harness, page } = await open();
    const text = page.querySelector<HTMLTextAreaElement>('#feedback-text')!;
    text.value = 'Le caniveau de la rue 12.045 est bouché depuis trois semaines.';
    text.dispatchEvent(new Event('input', { bubbles: true }));
    pick(page, [photoFile('a.jpg'), photoFile('b.jpg')]);
    await settle();
    await harness.fixture.whenStable();
    expect(JSON.parse(localStorage.getItem(DRAFT_KEY) ?? '{}')).toMatchObject({ text: 'Le caniveau de la rue 12.045 est bouché depuis trois semaines.', photoCount: 2 });
    expect(page.querySelector('#feedback-photos-hint')?.textContent).toContain("Les photos ne sont pas gardées si vous fermez la page");

    // The tab is closed (or the phone restarts) and the form opened again: the text is back, the photos are not, and the form says so.
    TestBed.resetTestingModule();
    const reopened = await open();
    expect(reopened.page.querySelector<HTMLTextAreaElement>('#feedback-text')!.value).toBe('Le caniveau de la rue 12.045 est bouché depuis trois semaines.');
    expect(reopened.page.querySelectorAll('.photo-list img')).toHaveLength(0);
    const notice = reopened.page.querySelector('#feedback-photos-lost')!;
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toBe("Les photos que vous aviez choisies (2) n'ont pas pu être gardées sur ce téléphone : ajoutez-les à nouveau avant d'envoyer.");
    // Added again: the notice goes.
    pick(reopened.page, [photoFile('a.jpg'), photoFile('b.jpg')]);
    await settle();
    await reopened.harness.fixture.whenStable();
    expect(reopened.page.querySelector('#feedback-photos-lost')).toBeNull();
  });

  it('a send that fails offline says the photos stay on this page only', async () => {
    const { harness, page, http } = await open();
    page.querySelector<HTMLSelectElement>('#feedback-category')!.value = 'voirie';
    const text = page.querySelector<HTMLTextAreaElement>('#feedback-text')!;
    text.value = 'Le pont de Djidjè est fissuré depuis la crue.';
    text.dispatchEvent(new Event('input', { bubbles: true }));
    pick(page, [photoFile('a.jpg')]);
    await settle();
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();
    http.expectOne({ method: 'POST', url: '/api/v1/communes/cotonou/feedback' }).error(new ProgressEvent('error'), { status: 0 });
    await settle();
    await harness.fixture.whenStable();
    const alert = page.querySelector('#feedback-send-error')!;
    expect(alert.textContent).toContain('Votre texte est conservé sur ce téléphone.');
    expect(alert.textContent).toContain('Les photos choisies restent sur cette page seulement : ne la fermez pas');
    expect(page.querySelectorAll('.photo-list img')).toHaveLength(1);
  });

  it('refuses a file that is not an image before sending anything', async () => {
    const { harness, page } = await open();
    pick(page, [new File(['%PDF-1.4'], 'facture.pdf', { type: 'application/pdf' })]);
    await settle();
    await harness.fixture.whenStable();
    expect(page.querySelectorAll('.photo-list img')).toHaveLength(0);
    expect(page.querySelector('#feedback-photos-error')?.textContent).toBe('« facture.pdf » n\'est pas une photo.');
  });

  it('sends the feedback first, then each photo with its progress; a failed photo is retried alone', async () => {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ kind: 'doleance', category: 'voirie', text: 'Un nid-de-poule énorme devant le marché.', place: 'Dantokpa', visibility: 'public' }));
    const { harness, page, http } = await open();
    pick(page, [photoFile('a.jpg'), photoFile('b.jpg')], 'gallery');
    await settle();
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();
    http.expectOne({ method: 'POST', url: '/api/v1/communes/cotonou/feedback' }).flush(sentFeedback);
    await settle();
    await harness.fixture.whenStable();
    expect(page.querySelector('h1')?.textContent).toBe('Votre message est bien arrivé');

    // One photo at a time: the second waits for the first.
    const first = http.expectOne((request) => request.url === PHOTOS_URL);
    expect(first.request.method).toBe('POST');
    expect(first.request.body).toBeInstanceOf(FormData);
    expect((first.request.body as FormData).get('file')).toBeInstanceOf(Blob);
    expect(first.request.params.has('sharePlace')).toBe(false);
    expect(first.request.reportProgress).toBe(true);
    first.event({ type: 1, loaded: 50, total: 100 });
    await harness.fixture.whenStable();
    expect(page.querySelector('.photo-progress')?.textContent?.replace(/\s+/g, ' ')).toContain('Photo 1 : envoi, 50 %');
    expect(page.querySelector('.photo-progress progress')?.getAttribute('aria-label')).toBe('Photo 1');
    first.flush({ id: 'p1', url: `${PHOTOS_URL}/p1`, position: 1, mediaType: 'image/jpeg', width: 10, height: 10, sizeBytes: 7, feedbackId: 'f1', placeFilled: false });
    await settle();
    const second = http.expectOne((request) => request.url === PHOTOS_URL);
    second.error(new ProgressEvent('error'), { status: 0 });
    await settle();
    await harness.fixture.whenStable();
    const progress = page.querySelector('.photo-progress')!.textContent!.replace(/\s+/g, ' ');
    expect(progress).toContain('Photo 1 : envoyée');
    expect(progress).toContain('Photo 2 : pas de connexion, réessayez quand le réseau revient');

    page.querySelector<HTMLButtonElement>('#feedback-photos-retry')!.click();
    await settle();
    http.expectOne((request) => request.url === PHOTOS_URL).flush({ id: 'p2', url: `${PHOTOS_URL}/p2`, position: 2, mediaType: 'image/jpeg', width: 10, height: 10, sizeBytes: 7, feedbackId: 'f1', placeFilled: false });
    await settle();
    await harness.fixture.whenStable();
    http.verify();
    expect(page.querySelector('.photo-progress')!.textContent!.replace(/\s+/g, ' ')).toContain('Photo 2 : envoyée');
    expect(page.querySelector('#feedback-photos-retry')).toBeNull();
    expect(page.textContent).toContain('2 photo(s) envoyée(s) sur 2.');
  });

  it('sharing the place sends the phone position with the feedback and asks the API to keep a photo position', async () => {
    const getCurrentPosition = jest.fn((success: PositionCallback) => success({ coords: { latitude: 6.3703123456, longitude: 2.3912 } } as GeolocationPosition));
    Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true });
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ kind: 'doleance', category: 'voirie', text: 'Un nid-de-poule énorme devant le marché.', place: '', visibility: 'public' }));
    const { harness, page, http } = await open();
    const box = page.querySelector<HTMLInputElement>('#feedback-share-place')!;
    expect(page.querySelector('label:has(#feedback-share-place)')?.textContent?.trim()).toBe("Partager l'emplacement");
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await harness.fixture.whenStable();
    expect(page.textContent).toContain('Position trouvée');
    pick(page, [photoFile('a.jpg')], 'camera');
    await settle();
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();
    const create = http.expectOne({ method: 'POST', url: '/api/v1/communes/cotonou/feedback' });
    expect(create.request.body).toMatchObject({ latitude: 6.370312, longitude: 2.3912 });
    create.flush(sentFeedback);
    await settle();
    const upload = http.expectOne((request) => request.url === PHOTOS_URL);
    expect(upload.request.params.get('sharePlace')).toBe('true');
    upload.flush({ id: 'p1', url: `${PHOTOS_URL}/p1`, position: 1, mediaType: 'image/jpeg', width: 10, height: 10, sizeBytes: 7, feedbackId: 'f1', placeFilled: false });
    await settle();
    Object.defineProperty(navigator, 'geolocation', { value: undefined, configurable: true });
  });
});

describe('downscalePhoto', () => {
  afterEach(() => jest.restoreAllMocks());

  it('draws the photo upright at 1600 px at most and encodes it as JPEG at 0.8', async () => {
    const close = jest.fn();
    const createImageBitmap = jest.fn(async () => ({ width: 4000, height: 3000, close }));
    Object.assign(globalThis, { createImageBitmap });
    const drawImage = jest.fn();
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({ drawImage } as unknown as CanvasRenderingContext2D);
    let canvasSize = { width: 0, height: 0 };
    const toBlob = jest.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (this: HTMLCanvasElement, callback: BlobCallback) {
      canvasSize = { width: this.width, height: this.height };
      callback(new Blob([new Uint8Array(10)], { type: 'image/jpeg' }));
    });
    const original = new File([new Uint8Array(5000)], 'big.jpg', { type: 'image/jpeg' });
    const result = await downscalePhoto(original);
    expect(createImageBitmap).toHaveBeenCalledWith(original, { imageOrientation: 'from-image' });
    expect(canvasSize).toEqual({ width: 1600, height: 1200 });
    expect(toBlob).toHaveBeenCalledWith(expect.any(Function), 'image/jpeg', 0.8);
    expect(result.size).toBe(10);
    expect(close).toHaveBeenCalled();
    Object.assign(globalThis, { createImageBitmap: undefined });
  });

  it('sends the file as it is when the browser cannot decode it', async () => {
    Object.assign(globalThis, { createImageBitmap: jest.fn(async () => Promise.reject(new Error('cannot decode'))) });
    const original = new File([new Uint8Array(10)], 'photo.heic', { type: 'image/heic' });
    expect(await downscalePhoto(original)).toBe(original);
    Object.assign(globalThis, { createImageBitmap: undefined });
    expect(await downscalePhoto(original)).toBe(original);
  });
});

describe('FeedbackPhotoStrip (tracking page, public list)', () => {
  it('offers the author a « Supprimer la photo » button per photo, naming which, and says which one is being removed', async () => {
    const { FeedbackPhotoStrip } = await import('./feedback-photo-strip');
    TestBed.configureTestingModule({ providers: [provideCommunesI18nTesting({ participation: { fr, en } })] });
    const fixture = TestBed.createComponent(FeedbackPhotoStrip);
    const photos = [
      { id: 'p1', url: `${PHOTOS_URL}/p1`, thumbnailUrl: `${PHOTOS_URL}/p1?size=small`, mediaType: 'image/jpeg', width: 10, height: 10 },
      { id: 'p2', url: `${PHOTOS_URL}/p2`, thumbnailUrl: `${PHOTOS_URL}/p2?size=small`, mediaType: 'image/jpeg', width: 10, height: 10 },
    ];
    fixture.componentRef.setInput('photos', photos);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelectorAll('button')).toHaveLength(0);

    fixture.componentRef.setInput('removable', true);
    await fixture.whenStable();
    const buttons = element.querySelectorAll<HTMLButtonElement>('button');
    expect(Array.from(buttons).map((button) => button.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Supprimer la photo 1', 'Supprimer la photo 2']);
    const asked: unknown[] = [];
    fixture.componentInstance.remove.subscribe((event) => asked.push(event));
    buttons[1].click();
    expect(asked).toEqual([{ photo: photos[1], number: 2 }]);

    fixture.componentRef.setInput('removing', 'p2');
    await fixture.whenStable();
    expect(buttons[1].textContent?.trim()).toContain('Suppression…');
    expect(buttons[1].getAttribute('aria-busy')).toBe('true');
    expect(buttons[0].disabled).toBe(true);
  });

  it('shows each photo lazily, described, and opening the full photo', async () => {
    const { FeedbackPhotoStrip } = await import('./feedback-photo-strip');
    TestBed.configureTestingModule({ providers: [provideCommunesI18nTesting({ participation: { fr, en } })] });
    const fixture = TestBed.createComponent(FeedbackPhotoStrip);
    fixture.componentRef.setInput('photos', [
      { id: 'p1', url: `${PHOTOS_URL}/p1`, thumbnailUrl: `${PHOTOS_URL}/p1?size=small`, mediaType: 'image/jpeg', width: 10, height: 10 },
      { id: 'p2', url: `${PHOTOS_URL}/p2`, thumbnailUrl: `${PHOTOS_URL}/p2?size=small`, mediaType: 'image/webp', width: 10, height: 10 },
    ]);
    fixture.componentRef.setInput('trackingNumber', 'COT-2026-000123');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const images = element.querySelectorAll('img');
    expect(images).toHaveLength(2);
    expect(images[1].getAttribute('src')).toBe(`${PHOTOS_URL}/p2?size=small`);
    expect(images[1].getAttribute('loading')).toBe('lazy');
    expect(images[1].getAttribute('alt')).toBe('Photo 2 jointe à la demande COT-2026-000123');
    expect(element.querySelector('ul')?.getAttribute('aria-label')).toBe('Photos jointes');
    expect(element.querySelectorAll('a')[0].getAttribute('href')).toBe(`${PHOTOS_URL}/p1`);
  });
});
