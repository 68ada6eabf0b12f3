import type { CouncilSessionDetailResponse } from '@communes/web-api-client';
import { beninLocalToIso, bodyOf, draftOf, emptyDraft, isoToBeninLocal, moveItem, sessionActions, validateDraft } from './session-form';

describe('session form', () => {
  it('reads what staff type as Benin time (UTC+1) and shows stored instants in Benin time', () => {
    expect(beninLocalToIso('2026-03-12T09:00')).toBe('2026-03-12T09:00:00+01:00');
    expect(isoToBeninLocal('2026-03-12T08:00:00.000Z')).toBe('2026-03-12T09:00');
    expect(isoToBeninLocal('2026-12-31T23:30:00.000Z')).toBe('2027-01-01T00:30');
    expect(isoToBeninLocal(null)).toBe('');
  });

  it('refuses a form without title or start, an end before the start, an http stream and untitled agenda items', () => {
    const draft = { ...emptyDraft(), startsAt: '2026-03-12T09:00', endsAt: '2026-03-12T08:00', streamUrl: 'http://youtube.com/x', agenda: [{ title: ' ', description: '', documentIds: [] }] };
    expect(validateDraft(draft)).toEqual({
      title: 'console.sessions.errors.titleRequired',
      endsAt: 'console.sessions.errors.endsBeforeStart',
      streamUrl: 'console.sessions.errors.streamHttps',
      'agenda.0.title': 'console.sessions.errors.itemTitleRequired',
    });
    expect(validateDraft(emptyDraft())['startsAt']).toBe('console.sessions.errors.startsAtRequired');
    expect(validateDraft({ ...emptyDraft(), title: 'Session', startsAt: '2026-03-12T09:00' })).toEqual({});
  });

  it('sends a trimmed body: session type for council sessions only, no empty optional field, null to clear the stream', () => {
    const council = bodyOf({
      ...emptyDraft(),
      sessionType: 'extraordinary',
      title: '  Session extraordinaire ',
      startsAt: '2026-03-12T09:00',
      place: ' ',
      agenda: [{ title: ' Budget ', description: '', documentIds: ['d1'] }, { title: 'Divers', description: ' Questions ', documentIds: [] }],
    });
    expect(council).toEqual({
      title: 'Session extraordinaire',
      sessionType: 'extraordinary',
      startsAt: '2026-03-12T09:00:00+01:00',
      streamUrl: null,
      agenda: [{ title: 'Budget', documentIds: ['d1'] }, { title: 'Divers', description: 'Questions' }],
    });
    const accountability = bodyOf({ ...emptyDraft('accountability'), title: 'Reddition', startsAt: '2026-06-01T10:00', streamUrl: ' https://youtu.be/dQw4w9WgXcQ ' });
    expect(accountability).not.toHaveProperty('sessionType');
    expect(accountability.streamUrl).toBe('https://youtu.be/dQw4w9WgXcQ');
  });

  it('moves agenda items up and down, and leaves the list alone at its ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('fills the form from a stored session, agenda documents included', () => {
    const session = {
      kind: 'council',
      sessionType: null,
      title: 'Première session',
      description: null,
      place: 'Hôtel de ville',
      startsAt: '2026-03-12T08:00:00.000Z',
      endsAt: null,
      streamUrl: null,
      agenda: [{ position: 1, title: 'Budget', description: null, documents: [{ documentId: 'd1' }] }],
    } as unknown as CouncilSessionDetailResponse;
    expect(draftOf(session)).toEqual({
      kind: 'council',
      sessionType: 'ordinary',
      title: 'Première session',
      description: '',
      startsAt: '2026-03-12T09:00',
      endsAt: '',
      place: 'Hôtel de ville',
      streamUrl: '',
      agenda: [{ title: 'Budget', description: '', documentIds: ['d1'] }],
    });
  });

  it('offers each status only its possible next steps', () => {
    expect(sessionActions('draft')).toMatchObject({ publish: true, remove: true, goLive: false, end: false, cancel: false });
    expect(sessionActions('scheduled')).toMatchObject({ publish: false, goLive: true, end: false, cancel: true, afterwards: false });
    expect(sessionActions('live')).toMatchObject({ goLive: false, end: true, cancel: true, afterwards: false });
    expect(sessionActions('ended')).toMatchObject({ goLive: false, end: false, cancel: false, afterwards: true, edit: true });
    expect(sessionActions('cancelled')).toMatchObject({ edit: false, goLive: false, cancel: false });
  });
});
