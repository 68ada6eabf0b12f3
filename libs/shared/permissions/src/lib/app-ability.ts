import { AbilityBuilder, createMongoAbility, MongoAbility, subject as tagSubject } from '@casl/ability';

export type Action = 'read' | 'create' | 'update' | 'delete' | 'change_status' | 'invite' | 'publish' | 'withdraw' | 'support' | 'vote';

/** The records rules talk about. Every one carries the commune it belongs to. */
export interface SubjectShapes {
  Commune: { communeId: string };
  Membership: { communeId: string; userId: string };
  Invitation: { communeId: string };
  AuditEvent: { communeId: string };
  Document: { communeId: string; state: 'draft' | 'published' | 'withdrawn' };
  Budget: { communeId: string; state: 'draft' | 'published' };
  Contract: { communeId: string; state: 'draft' | 'published' };
  AgendaEvent: { communeId: string; state: 'draft' | 'published' | 'cancelled' };
  /** A commune's public presentation; who may change it depends on where the commune is in onboarding. */
  CommuneBranding: { communeId: string; communeStatus: 'not_onboarded' | 'onboarding' | 'active' | 'suspended' };
  /** Cross-commune adoption figures: about no commune in particular. */
  Monitoring: { scope: 'national' };
  /** A citizen's doléance or suggestion; `authorId` is null once the account is gone. */
  Feedback: { communeId: string; visibility: 'public' | 'private'; authorId: string | null };
  /** A photo of a feedback, judged by its feedback's author (`authorId` null once the account is gone). */
  FeedbackPhoto: { communeId: string; authorId: string | null };
  Consultation: { communeId: string; state: 'draft' | 'published' };
  DebateTopic: { communeId: string; state: 'draft' | 'open' | 'closed' };
  /** `hidden`: hidden by a moderator; `authorId` is null once the account is gone. */
  DebateComment: { communeId: string; authorId: string | null; hidden: boolean };
  /** An account following a commune (emails); only that account ever sees it. */
  Follow: { communeId: string; userId: string };
  /** The email outbox across communes (failed deliveries). */
  NotificationDelivery: { scope: 'platform' };
  /** A council or accountability session; drafts are the staff's. */
  CouncilSession: { communeId: string; status: 'draft' | 'scheduled' | 'live' | 'ended' | 'cancelled' };
  /** A citizen's question to a session; `authorId` is null once the account is gone. */
  SessionQuestion: { communeId: string; hidden: boolean; authorId: string | null };
  /** A report of citizen content as inappropriate (issue 5). */
  ModerationReport: { communeId: string };
  /** A commune's citizen content as moderation sees it (queue, hide, restore, dismiss). */
  ModeratedContent: { communeId: string };
  /** A practice a commune proposes to the national library; ANCB reviews it. */
  GoodPractice: { communeId: string; status: 'draft' | 'submitted' | 'changes_requested' | 'published' | 'rejected' | 'unpublished' };
  /** A news article of a commune; drafts and withdrawn articles are the staff's. */
  News: { communeId: string; state: 'draft' | 'published' | 'withdrawn' };
}
export type SubjectType = keyof SubjectShapes;
type TaggedSubject = { [K in SubjectType]: SubjectShapes[K] & { __caslSubjectType__: K } }[SubjectType];

export type AppAbility = MongoAbility<[Action, SubjectType | TaggedSubject]>;
export type RuleBuilder = AbilityBuilder<AppAbility>;

export function createRuleBuilder(): RuleBuilder {
  return new AbilityBuilder<AppAbility>(createMongoAbility);
}

/** Tags a loaded record so the ability can check it against conditional rules. */
export function asSubject<K extends SubjectType>(type: K, record: SubjectShapes[K]): TaggedSubject {
  return tagSubject(type, { ...record }) as unknown as TaggedSubject;
}
