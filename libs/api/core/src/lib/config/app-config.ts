import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const POSTGRES_URL = /^postgres(ql)?:\/\/.+/;

/**
 * Every environment variable the API reads, validated once at start. A wrong value stops the
 * process with a message naming the variable, instead of failing later in a request.
 * The README's configuration table lists the same variables.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** The application role: not superuser, not owner, not BYPASSRLS. */
  @Matches(POSTGRES_URL, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** The owner role, used for migrations (and the demo seed) only. */
  @IsOptional()
  @Matches(POSTGRES_URL, { message: 'DATABASE_OWNER_URL must be a postgres:// URL' })
  DATABASE_OWNER_URL?: string;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(2)
  @Max(500)
  DATABASE_POOL_SIZE = 20;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /**
   * Seconds during which the refresh token that was just rotated is still accepted once more
   * (a phone that never received the answer to its refresh presents it again) instead of being
   * taken for a stolen one. Beyond it, a replay ends every session of the account. Short: it is
   * how long a thief's replay of that one token goes unnoticed. 0 turns it off.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(300)
  REFRESH_REUSE_GRACE_SECONDS = 30;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(90)
  INVITATION_TTL_DAYS = 7;

  /** Login/register attempts allowed per client address and minute. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(10000)
  AUTH_RATE_LIMIT_PER_MINUTE = 10;

  /** Citizen submissions (feedback...) allowed per account and hour. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(100000)
  PARTICIPATION_LIMIT_PER_ACCOUNT_PER_HOUR = 10;

  /**
   * Citizen submissions allowed per client address and hour, across accounts: a ceiling against
   * scripted account farms, set high because mobile carriers in Benin put thousands of phones
   * behind one public address (carrier-grade NAT), as do cybercafés. Accounts have their own limit.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(1000000)
  PARTICIPATION_LIMIT_PER_ADDRESS_PER_HOUR = 1000;

  /**
   * Submissions made without an account (e.g. reporting content) per client address and hour:
   * without an account the address is all there is to count, so the limit is low.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(100000)
  PARTICIPATION_LIMIT_ANONYMOUS_PER_ADDRESS_PER_HOUR = 30;

  /** Largest document upload accepted, in bytes (default 100 MB). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024 * 1024)
  MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

  /** How often background jobs (text extraction, search indexing) run, in ms; 0 turns them off. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  BACKGROUND_JOBS_INTERVAL_MS = 5000;

  /**
   * How long a server-rendered page is reused for other readers, in ms (a spike of readers of
   * one page then costs one rendering per period); every write through this process clears
   * them, so this bounds how stale a page can be on the other replicas. 0 turns it off.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(60_000)
  PAGE_CACHE_TTL_MS = 5000;

  /** Public URL of the web app, used in invitation links. */
  @Matches(/^https?:\/\/.+/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL = 'http://localhost:3000';

  /** Folder of the built web app served on the same port; unset serves the API only. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Where document files go: the local file system (embedded default) or S3/MinIO. */
  @IsIn(['filesystem', 's3'])
  STORAGE_DRIVER: 'filesystem' | 's3' = 'filesystem';

  @IsString()
  STORAGE_FS_ROOT = '.data/documents';

  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'S3_ENDPOINT must be an http(s) URL such as http://minio:9000' })
  S3_ENDPOINT?: string;

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_KEY?: string;

  @IsString()
  S3_BUCKET = 'communes-documents';

  @IsString()
  S3_REGION = 'us-east-1';

  /** The search engine: PostgreSQL full-text search (embedded default) or Meilisearch. */
  @IsIn(['postgres', 'meilisearch'])
  SEARCH_ENGINE: 'postgres' | 'meilisearch' = 'postgres';

  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'MEILISEARCH_URL must be an http(s) URL' })
  MEILISEARCH_URL?: string;

  @IsOptional()
  @IsString()
  MEILISEARCH_API_KEY?: string;

  /**
   * Email notifications: the SMTP server as one URL (smtp:// or smtps://, credentials inside),
   * or as SMTP_HOST and the variables below. Neither set: emails are written to the log
   * instead of being sent (fine for development, a warning at start in production).
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.org:587' })
  SMTP_URL?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9.-]+$/, { message: 'SMTP_HOST must be a host name or an address, without scheme or port' })
  SMTP_HOST?: string;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 587;

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  SMTP_PASS?: string;

  /** Sender of notification emails. */
  @Matches(/^(.+<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, { message: 'MAIL_FROM must be an address, optionally with a name: Communes+ <no-reply@example.org>' })
  MAIL_FROM = 'Communes+ <no-reply@communes.bj>';

  /**
   * Signs the unsubscribe links of emails (HMAC-SHA256). Required in production; unset
   * elsewhere it is derived from JWT_SECRET (changing JWT_SECRET would then invalidate the links
   * of emails already sent, which a production rotation of JWT_SECRET must not do).
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'UNSUBSCRIBE_SECRET must be at least 32 characters' })
  UNSUBSCRIBE_SECRET?: string;
}

export class InvalidConfigurationError extends Error {}

export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(AppConfig, defined, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => {
      const reasons = Object.values(error.constraints ?? {}).join('; ');
      return `  - ${error.property}: ${reasons}`;
    });
    throw new InvalidConfigurationError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  if (config.NODE_ENV === 'production' && !config.UNSUBSCRIBE_SECRET) {
    throw new InvalidConfigurationError(
      'Invalid environment configuration:\n  - UNSUBSCRIBE_SECRET: required in production (at least 32 characters), so that rotating JWT_SECRET does not break the unsubscribe links of emails already sent',
    );
  }
  if (config.SMTP_URL && config.SMTP_HOST) {
    throw new InvalidConfigurationError('Invalid environment configuration:\n  - SMTP_URL: set SMTP_URL or SMTP_HOST, not both');
  }
  return config;
}
