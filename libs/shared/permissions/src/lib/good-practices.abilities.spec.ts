import { ANONYMOUS, type Actor } from './actor';
import { defineAbilityFor } from './ability.factory';
import { asSubject, type SubjectShapes } from './app-ability';

const A = '0a000000-0000-4000-8000-00000000000a';
const B = '0b000000-0000-4000-8000-00000000000b';
type Status = SubjectShapes['GoodPractice']['status'];
const practice = (communeId: string, status: Status) => asSubject('GoodPractice', { communeId, status });
const STATUSES: Status[] = ['draft', 'submitted', 'changes_requested', 'published', 'rejected', 'unpublished'];

const editorA: Actor = { userId: 'u-editor', platformRole: null, memberships: [{ communeId: A, role: 'editor' }] };
const moderatorA: Actor = { userId: 'u-moderator', platformRole: null, memberships: [{ communeId: A, role: 'moderator' }] };
const ancb: Actor = { userId: 'u-ancb', platformRole: 'platform_admin', memberships: [] };
const ministry: Actor = { userId: 'u-ministry', platformRole: 'ministry_observer', memberships: [] };

describe('good practice rules', () => {
  it('the public, the ministry and other communes read published practices only', () => {
    for (const actor of [ANONYMOUS, ministry, { userId: 'u-b', platformRole: null, memberships: [{ communeId: B, role: 'admin' as const }] }]) {
      const ability = defineAbilityFor(actor);
      expect(STATUSES.filter((status) => ability.can('read', practice(A, status)))).toEqual(['published']);
      expect(ability.can('update', practice(A, 'draft'))).toBe(false);
    }
  });

  it("a commune's editors write their own commune's practices, whatever the status; moderators only read", () => {
    const editor = defineAbilityFor(editorA);
    for (const status of STATUSES) expect(editor.can('update', practice(A, status))).toBe(true);
    expect(editor.can('update', practice(B, 'draft'))).toBe(false);
    expect(editor.can('change_status', practice(A, 'submitted'))).toBe(false);
    const moderator = defineAbilityFor(moderatorA);
    expect(STATUSES.every((status) => moderator.can('read', practice(A, status)))).toBe(true);
    expect(moderator.can('update', practice(A, 'draft'))).toBe(false);
  });

  it('ANCB never sees a draft, decides on submitted practices, unpublishes published ones, never edits', () => {
    const ability = defineAbilityFor(ancb);
    expect(STATUSES.filter((status) => ability.can('read', practice(B, status)))).toEqual(STATUSES.filter((s) => s !== 'draft'));
    expect(STATUSES.filter((status) => ability.can('change_status', practice(A, status)))).toEqual(['submitted']);
    expect(STATUSES.filter((status) => ability.can('withdraw', practice(A, status)))).toEqual(['published']);
    expect(STATUSES.some((status) => ability.can('update', practice(A, status)) || ability.can('create', practice(A, status)))).toBe(false);
  });
});
