import { defineAbilityFor } from './ability.factory';
import { asSubject } from './app-ability';

const A = '0a000000-0000-4000-8000-00000000000a';
const B = '0b000000-0000-4000-8000-00000000000b';
const article = (state: 'draft' | 'published' | 'withdrawn', communeId = A) => asSubject('News', { communeId, state });

describe('news abilities', () => {
  it('everyone reads published news, nobody outside the staff reads drafts or withdrawn ones', () => {
    for (const actor of [
      { userId: null, platformRole: null, memberships: [] },
      { userId: 'c', platformRole: null, memberships: [] },
      { userId: 'b', platformRole: null, memberships: [{ communeId: B, role: 'admin' as const }] },
      { userId: 'p', platformRole: 'platform_admin' as const, memberships: [] },
      { userId: 'm', platformRole: 'ministry_observer' as const, memberships: [] },
    ]) {
      const ability = defineAbilityFor(actor);
      expect(ability.can('read', article('published'))).toBe(true);
      expect(ability.can('read', article('draft'))).toBe(false);
      expect(ability.can('read', article('withdrawn'))).toBe(false);
      for (const action of ['create', 'update', 'publish', 'withdraw'] as const) expect(ability.can(action, article('draft'))).toBe(false);
    }
  });

  it("editors and admins write, publish and withdraw their commune's news; moderators only read them", () => {
    for (const role of ['editor', 'admin'] as const) {
      const ability = defineAbilityFor({ userId: 'e', platformRole: null, memberships: [{ communeId: A, role }] });
      for (const action of ['read', 'create', 'update', 'publish', 'withdraw'] as const) expect(ability.can(action, article('draft'))).toBe(true);
      expect(ability.can('update', article('draft', B))).toBe(false);
      expect(ability.can('delete', article('draft'))).toBe(false);
    }
    const moderator = defineAbilityFor({ userId: 'm', platformRole: null, memberships: [{ communeId: A, role: 'moderator' }] });
    expect(moderator.can('read', article('withdrawn'))).toBe(true);
    expect(moderator.can('publish', article('draft'))).toBe(false);
  });
});
