import type { Routes } from '@angular/router';
import { communeMemberGuard } from '@communes/web-auth';
import { translationsReady } from '@communes/web-ui';
import { moderationI18n } from './moderation/moderation.i18n';
import { participationI18n } from './participation.i18n';

/**
 * Lazy routes of the participation pages; each page is a chunk of its own. The app mounts them:
 * `communes/:slug/doleances` → feedbackRoutes, `communes/:slug/consultations` → consultationRoutes,
 * `suivi` → trackingRoutes, `console/:slug/doleances` → staffFeedbackRoutes,
 * `console/:slug/moderation` → moderationRoutes.
 */
export const feedbackRoutes: Routes = [
  {
    path: '',
    providers: [participationI18n],
    canActivate: [translationsReady],
    children: [
      { path: '', pathMatch: 'full', title: 'participation.feedback.title', loadComponent: () => import('./feedback/feedback-list-page').then((m) => m.FeedbackListPage) },
      { path: 'nouvelle', title: 'participation.form.title', loadComponent: () => import('./feedback/feedback-form-page').then((m) => m.FeedbackFormPage) },
    ],
  },
];

export const trackingRoutes: Routes = [
  {
    path: '',
    providers: [participationI18n],
    canActivate: [translationsReady],
    children: [
      { path: '', pathMatch: 'full', title: 'participation.tracking.title', loadComponent: () => import('./feedback/tracking-page').then((m) => m.TrackingPage) },
      { path: ':number', title: 'participation.tracking.title', loadComponent: () => import('./feedback/tracking-page').then((m) => m.TrackingPage) },
    ],
  },
];

export const consultationRoutes: Routes = [
  {
    path: '',
    providers: [participationI18n],
    canActivate: [translationsReady],
    children: [
      { path: '', pathMatch: 'full', title: 'participation.consultations.title', loadComponent: () => import('./consultations/consultations-page').then((m) => m.ConsultationsPage) },
      { path: ':id', title: 'participation.consultations.title', loadComponent: () => import('./consultations/consultation-page').then((m) => m.ConsultationPage) },
    ],
  },
];

/** The commune staff's queue: any member reads it; admins and editors act (the API checks too). */
export const staffFeedbackRoutes: Routes = [
  {
    path: '',
    canActivate: [communeMemberGuard()],
    providers: [participationI18n],
    children: [
      { path: '', pathMatch: 'full', title: 'participation.staff.title', loadComponent: () => import('./staff/staff-queue-page').then((m) => m.StaffQueuePage) },
      { path: ':id', title: 'participation.staff.title', loadComponent: () => import('./staff/staff-feedback-page').then((m) => m.StaffFeedbackPage) },
    ],
  },
];

/** The commune's moderation queue: its moderators and admins (the API checks too). */
export const moderationRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    canActivate: [communeMemberGuard('moderator', 'admin')],
    providers: [moderationI18n],
    title: 'moderation.queue.title',
    loadComponent: () => import('./moderation/moderation-queue-page').then((m) => m.ModerationQueuePage),
  },
];
