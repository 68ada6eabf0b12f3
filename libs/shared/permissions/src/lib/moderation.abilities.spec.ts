import { ANONYMOUS, type Actor } from './actor';
import { defineAbilityFor } from './ability.factory';
import { asSubject } from './app-ability';

const A = '0a000000-0000-4000-8000-00000000000a';
const B = '0b000000-0000-4000-8000-00000000000b';

const member = (role: 'admin' | 'editor' | 'moderator', communeId = A): Actor => ({ userId: `u-${role}`, platformRole: null, memberships: [{ communeId, role }] });

describe('moderation abilities', () => {
  const contentOfA = asSubject('ModeratedContent', { communeId: A });
  const reportOnA = asSubject('ModerationReport', { communeId: A });

  it('anyone reports, signed in or not, except the ministry (which changes nothing)', () => {
    for (const actor of [ANONYMOUS, { userId: 'u-citizen', platformRole: null, memberships: [] }, member('editor'), member('admin', B), { userId: 'u-ancb', platformRole: 'platform_admin', memberships: [] }] satisfies Actor[]) {
      expect(defineAbilityFor(actor).can('create', reportOnA)).toBe(true);
    }
    expect(defineAbilityFor({ userId: 'u-ministry', platformRole: 'ministry_observer', memberships: [] }).can('create', reportOnA)).toBe(false);
  });

  it("only A's moderators and admins read A's queue and decide", () => {
    for (const role of ['moderator', 'admin'] as const) {
      const ability = defineAbilityFor(member(role));
      expect([ability.can('read', contentOfA), ability.can('change_status', contentOfA), ability.can('read', reportOnA)]).toEqual([true, true, true]);
      const inB = defineAbilityFor(member(role, B));
      expect([inB.can('read', contentOfA), inB.can('change_status', contentOfA), inB.can('read', reportOnA)]).toEqual([false, false, false]);
    }
    const editor = defineAbilityFor(member('editor'));
    expect([editor.can('read', contentOfA), editor.can('change_status', contentOfA)]).toEqual([false, false]);
    const ancb = defineAbilityFor({ userId: 'u-ancb', platformRole: 'platform_admin', memberships: [] });
    expect([ancb.can('read', contentOfA), ancb.can('change_status', contentOfA)]).toEqual([false, false]);
  });
});
