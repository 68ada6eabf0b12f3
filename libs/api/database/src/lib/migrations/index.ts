import { Foundation1763800000000 } from './1763800000000-foundation.migration';
import { Search1763900000000 } from './1763900000000-search.migration';
import { Transparency1763950000000 } from './1763950000000-transparency.migration';
import { Budgets1764000000000 } from './1764000000000-budgets.migration';
import { Contracts1764100000000 } from './1764100000000-contracts.migration';
import { Agenda1764200000000 } from './1764200000000-agenda.migration';
import { SearchScale1764250000000 } from './1764250000000-search-scale.migration';
import { UploadIntents1764260000000 } from './1764260000000-upload-intents.migration';
import { Feedback1764300000000 } from './1764300000000-feedback.migration';
import { Consultations1764310000000 } from './1764310000000-consultations.migration';
import { Debates1764320000000 } from './1764320000000-debates.migration';
import { CommuneProfiles1764400000000 } from './1764400000000-commune-profiles.migration';
import { MonitoringIndexes1764410000000 } from './1764410000000-monitoring-indexes.migration';
import { CouncilSessions1764500000000 } from './1764500000000-council-sessions.migration';
import { Notifications1764600000000 } from './1764600000000-notifications.migration';
import { SessionVersion1764730000000 } from './1764730000000-session-version.migration';
import { RefreshTokenRevokedReason1764730000001 } from './1764730000001-refresh-token-revoked-reason.migration';
import { NotificationsCancel1764600000001 } from './1764600000001-notifications-cancel.migration';
import { Moderation1764700000000 } from './1764700000000-moderation.migration';
import { FeedbackPhotos1764720000000 } from './1764720000000-feedback-photos.migration';
import { FeedbackPhotoThumbnails1764720000001 } from './1764720000001-feedback-photo-thumbnails.migration';
import { News1764720000010 } from './1764720000010-news.migration';
import { GoodPractices1764710000000 } from './1764710000000-good-practices.migration';
import { LogoUploadIntents1764800000000 } from './1764800000000-logo-upload-intents.migration';
import { FeedbackPhotoRemoval1764900000000 } from './1764900000000-feedback-photo-removal.migration';
import { RevokePreCookieRefreshTokens1765000000000 } from './1765000000000-revoke-pre-cookie-refresh-tokens.migration';
import { RefreshTokenReuseGrace1765100000000 } from './1765100000000-refresh-token-reuse-grace.migration';

/** Every migration, in order. Migrations run as the owner role, never `synchronize`. */
export const MIGRATIONS = [
  Foundation1763800000000,
  Search1763900000000,
  Transparency1763950000000,
  Budgets1764000000000,
  Contracts1764100000000,
  Agenda1764200000000,
  SearchScale1764250000000,
  UploadIntents1764260000000,
  Feedback1764300000000,
  Consultations1764310000000,
  Debates1764320000000,
  CommuneProfiles1764400000000,
  MonitoringIndexes1764410000000,
  CouncilSessions1764500000000,
  Notifications1764600000000,
  NotificationsCancel1764600000001,
  Moderation1764700000000,
  FeedbackPhotos1764720000000,
  FeedbackPhotoThumbnails1764720000001,
  News1764720000010,
  GoodPractices1764710000000,
  SessionVersion1764730000000,
  RefreshTokenRevokedReason1764730000001,
  LogoUploadIntents1764800000000,
  FeedbackPhotoRemoval1764900000000,
  RevokePreCookieRefreshTokens1765000000000,
  RefreshTokenReuseGrace1765100000000,
];
