import {
  SESSION_AGENDA_ITEMS_MAX,
  SESSION_PLACE_MAX,
  SESSION_TITLE_MAX,
  type CouncilSessionKind,
  type CouncilSessionStatus,
  type CouncilSessionType,
} from '@communes/shared-contracts';
import type { CouncilSessionDetailResponse, CreateSessionDto } from '@communes/web-api-client';

/** One agenda item as the form edits it. */
export interface AgendaItemDraft {
  title: string;
  description: string;
  documentIds: string[];
}

/** The session form's values (dates as `datetime-local` values, in Benin time). */
export interface SessionDraft {
  kind: CouncilSessionKind;
  sessionType: CouncilSessionType;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  place: string;
  streamUrl: string;
  agenda: AgendaItemDraft[];
}

/** Benin is on UTC+1 all year (no summer time): what staff type is the time in the commune. */
const BENIN_OFFSET = '+01:00';
const BENIN_OFFSET_MS = 60 * 60 * 1000;

export function emptyDraft(kind: CouncilSessionKind = 'council'): SessionDraft {
  return { kind, sessionType: 'ordinary', title: '', description: '', startsAt: '', endsAt: '', place: '', streamUrl: '', agenda: [] };
}

/** `2026-03-12T09:00` typed in Benin → `2026-03-12T09:00:00+01:00` for the API. */
export function beninLocalToIso(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}${BENIN_OFFSET}`;
}

/** An instant from the API → the `datetime-local` value showing it in Benin time. */
export function isoToBeninLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const time = new Date(iso).getTime();
  return Number.isNaN(time) ? '' : new Date(time + BENIN_OFFSET_MS).toISOString().slice(0, 16);
}

export function draftOf(session: CouncilSessionDetailResponse): SessionDraft {
  return {
    kind: session.kind,
    sessionType: session.sessionType ?? 'ordinary',
    title: session.title,
    description: session.description ?? '',
    startsAt: isoToBeninLocal(session.startsAt),
    endsAt: isoToBeninLocal(session.endsAt),
    place: session.place ?? '',
    streamUrl: session.streamUrl ?? '',
    agenda: session.agenda.map((item) => ({ title: item.title, description: item.description ?? '', documentIds: item.documents.map((d) => d.documentId) })),
  };
}

/** Problems the form can see before sending, as translation keys by field (`agenda.0.title` for an item). */
export function validateDraft(draft: SessionDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!draft.title.trim()) problems['title'] = 'console.sessions.errors.titleRequired';
  else if (draft.title.trim().length > SESSION_TITLE_MAX) problems['title'] = 'console.sessions.errors.titleTooLong';
  if (!draft.startsAt) problems['startsAt'] = 'console.sessions.errors.startsAtRequired';
  if (draft.endsAt && draft.startsAt && draft.endsAt <= draft.startsAt) problems['endsAt'] = 'console.sessions.errors.endsBeforeStart';
  if (draft.place.trim().length > SESSION_PLACE_MAX) problems['place'] = 'console.sessions.errors.placeTooLong';
  const stream = draft.streamUrl.trim();
  if (stream && !/^https:\/\//i.test(stream)) problems['streamUrl'] = 'console.sessions.errors.streamHttps';
  if (draft.agenda.length > SESSION_AGENDA_ITEMS_MAX) problems['agenda'] = 'console.sessions.errors.agendaTooLong';
  draft.agenda.forEach((item, index) => {
    if (!item.title.trim()) problems[`agenda.${index}.title`] = 'console.sessions.errors.itemTitleRequired';
  });
  return problems;
}

/** The request body: trimmed, empty optional fields left out (or null for the stream, which clears it). */
export function bodyOf(draft: SessionDraft): Omit<CreateSessionDto, 'kind' | 'publish'> {
  const description = draft.description.trim();
  const place = draft.place.trim();
  return {
    title: draft.title.trim(),
    ...(draft.kind === 'council' ? { sessionType: draft.sessionType } : {}),
    ...(description ? { description } : {}),
    ...(place ? { place } : {}),
    startsAt: beninLocalToIso(draft.startsAt),
    ...(draft.endsAt ? { endsAt: beninLocalToIso(draft.endsAt) } : {}),
    streamUrl: draft.streamUrl.trim() || null,
    agenda: draft.agenda.map((item) => ({
      title: item.title.trim(),
      ...(item.description.trim() ? { description: item.description.trim() } : {}),
      ...(item.documentIds.length ? { documentIds: item.documentIds } : {}),
    })),
  };
}

/** A copy of the list with the item at `index` moved by `delta` places (unchanged at the ends). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item);
  return copy;
}

/** What staff may do with a session at each status (the API refuses the rest with a 409). */
export function sessionActions(status: CouncilSessionStatus): { edit: boolean; publish: boolean; remove: boolean; goLive: boolean; end: boolean; cancel: boolean; afterwards: boolean } {
  return {
    edit: status !== 'cancelled',
    publish: status === 'draft',
    remove: status === 'draft',
    goLive: status === 'scheduled',
    end: status === 'live',
    cancel: status === 'scheduled' || status === 'live',
    afterwards: status === 'ended',
  };
}
