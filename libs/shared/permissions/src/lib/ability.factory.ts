import type { Actor } from './actor';
import { AppAbility, createRuleBuilder } from './app-ability';
import { defineAgendaRules } from './agenda.abilities';
import { defineAuditRules } from './audit.abilities';
import { defineBrandingRules } from './branding.abilities';
import { defineCommuneRules } from './communes.abilities';
import { defineConsultationRules } from './consultations.abilities';
import { defineDebateRules } from './debates.abilities';
import { defineCouncilSessionRules } from './council-sessions.abilities';
import { defineDocumentRules } from './documents.abilities';
import { defineFeedbackRules } from './feedback.abilities';
import { defineFinanceRules } from './finance.abilities';
import { defineGoodPracticeRules } from './good-practices.abilities';
import { defineMemberRules } from './members.abilities';
import { defineModerationRules } from './moderation.abilities';
import { defineMonitoringRules } from './monitoring.abilities';
import { defineNewsRules } from './news.abilities';
import { defineNotificationRules } from './notifications.abilities';

/**
 * One ability per request, composed from each feature's rules. The ministry changes nothing,
 * whatever else its account holds: it reads the directory with each commune's status and
 * onboarding checklist (adoption figures), not the communes' teams, invitations or audit trail,
 * which hold personal data (DESIGN.md: cross-commune reads see published content or aggregates).
 */
export function defineAbilityFor(actor: Actor): AppAbility {
  const builder = createRuleBuilder();
  if (actor.platformRole === 'ministry_observer') {
    builder.can('read', 'Commune');
    builder.can('read', 'Document', { state: { $in: ['published', 'withdrawn'] } });
    builder.can('read', ['Budget', 'Contract'], { state: 'published' });
    builder.can('read', 'AgendaEvent', { state: { $in: ['published', 'cancelled'] } });
    builder.can('read', 'CommuneBranding');
    defineMonitoringRules(actor, builder);
    builder.can('read', 'Feedback', { visibility: 'public' });
    builder.can('read', 'Consultation', { state: 'published' });
    builder.can('read', 'DebateTopic', { state: { $in: ['open', 'closed'] } });
    builder.can('read', 'DebateComment', { hidden: false });
    builder.can('read', 'CouncilSession', { status: { $in: ['scheduled', 'live', 'ended', 'cancelled'] } });
    builder.can('read', 'SessionQuestion', { hidden: false });
    builder.can('read', 'GoodPractice', { status: 'published' });
    builder.can('read', 'News', { state: 'published' });
    return builder.build();
  }
  defineCommuneRules(actor, builder);
  defineMemberRules(actor, builder);
  defineAuditRules(actor, builder);
  defineDocumentRules(actor, builder);
  defineFinanceRules(actor, builder);
  defineAgendaRules(actor, builder);
  defineBrandingRules(actor, builder);
  defineMonitoringRules(actor, builder);
  defineFeedbackRules(actor, builder);
  defineConsultationRules(actor, builder);
  defineDebateRules(actor, builder);
  defineCouncilSessionRules(actor, builder);
  defineNotificationRules(actor, builder);
  defineModerationRules(actor, builder);
  defineGoodPracticeRules(actor, builder);
  defineNewsRules(actor, builder);
  return builder.build();
}
