import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '@communes/api-core';
import { TenantTransaction } from '@communes/api-database';
import { CouncilSessionsRepository, SESSION_EVENTS_CHANNEL, SessionEventRecord } from './council-sessions.repository';

const FETCH_BATCH = 500;
const RECONNECT_DELAY_MS = 1000;

export interface SessionFollower {
  send(event: SessionEventRecord): void;
  /** The process is stopping: end the response (the client reconnects elsewhere with Last-Event-ID). */
  close(): void;
}

interface Subscriber {
  follower: SessionFollower;
  cursor: bigint;
  /** Events that arrived live while the subscriber was still catching up from the database. */
  buffer: SessionEventRecord[] | null;
}

interface Channel {
  communeId: string;
  sessionId: string;
  /** Last event id fetched for this session in this process. */
  cursor: bigint;
  ready: Promise<void>;
  subscribers: Set<Subscriber>;
  pumping: boolean;
  again: boolean;
}

/**
 * Fan-out of live session events to the followers connected to this API process. Events live in
 * `council_session_events` (the source of truth); PostgreSQL NOTIFY only says "session X has new
 * events", on ONE listening connection per process, opened with the first follower. On a
 * notification the process reads the new events once (`id > cursor`) and writes them to each of
 * its followers, so N followers cost one query, not N. Several API processes each do the same.
 * A lost notification (reconnection) costs nothing: the next read starts from the cursor.
 */
@Injectable()
export class SessionEventsHub implements BeforeApplicationShutdown {
  private readonly logger = new Logger(SessionEventsHub.name);
  private readonly channels = new Map<string, Channel>();
  private listener: Client | null = null;
  private connecting: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly config: AppConfig,
    private readonly tx: TenantTransaction,
    private readonly sessions: CouncilSessionsRepository,
  ) {}

  /** Followers connected to this process (all sessions). */
  get followerCount(): number {
    let count = 0;
    for (const channel of this.channels.values()) count += channel.subscribers.size;
    return count;
  }

  /**
   * Sends `follower` every event of the session after `afterId`: first those already stored, then
   * live ones as they are committed. Returns the function that stops following.
   */
  async follow(communeId: string, sessionId: string, afterId: string, follower: SessionFollower): Promise<() => void> {
    if (this.stopping) throw new Error('The API is stopping.');
    await this.ensureListening();
    const channel = this.channelFor(communeId, sessionId);
    await channel.ready;
    const subscriber: Subscriber = { follower, cursor: BigInt(afterId), buffer: [] };
    channel.subscribers.add(subscriber);
    const stop = () => {
      channel.subscribers.delete(subscriber);
      if (channel.subscribers.size === 0 && this.channels.get(sessionId) === channel) this.channels.delete(sessionId);
    };
    try {
      // Catch up from the database, then hand over to the live feed without gap or duplicate.
      for (;;) {
        const batch = await this.read(communeId, sessionId, subscriber.cursor);
        for (const event of batch) this.deliver(subscriber, event);
        if (batch.length < FETCH_BATCH) break;
      }
      const buffered = subscriber.buffer ?? [];
      subscriber.buffer = null;
      for (const event of buffered) this.deliver(subscriber, event);
    } catch (error) {
      stop();
      throw error;
    }
    return stop;
  }

  /** Before the HTTP server closes (it waits for open responses): end every stream. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const channel of this.channels.values()) for (const subscriber of channel.subscribers) subscriber.follower.close();
    this.channels.clear();
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  private channelFor(communeId: string, sessionId: string): Channel {
    let channel = this.channels.get(sessionId);
    if (channel && channel.communeId === communeId) return channel;
    channel = { communeId, sessionId, cursor: 0n, ready: Promise.resolve(), subscribers: new Set(), pumping: false, again: false };
    const created = channel;
    created.ready = this.tx
      .run({ communeId, userId: null, scope: 'public' }, () => this.sessions.lastEventId(communeId, sessionId))
      .then((id) => {
        created.cursor = BigInt(id);
      });
    this.channels.set(sessionId, created);
    return created;
  }

  private deliver(subscriber: Subscriber, event: SessionEventRecord): void {
    const id = BigInt(event.id);
    if (id <= subscriber.cursor) return;
    subscriber.cursor = id;
    subscriber.follower.send(event);
  }

  /** Reads the channel's new events and hands them to its subscribers; notifications that arrive meanwhile coalesce. */
  private async pump(channel: Channel): Promise<void> {
    if (channel.pumping) {
      channel.again = true;
      return;
    }
    channel.pumping = true;
    try {
      await channel.ready;
      do {
        channel.again = false;
        for (;;) {
          const batch = await this.read(channel.communeId, channel.sessionId, channel.cursor);
          for (const event of batch) {
            channel.cursor = BigInt(event.id);
            for (const subscriber of channel.subscribers) {
              if (subscriber.buffer) subscriber.buffer.push(event);
              else this.deliver(subscriber, event);
            }
          }
          if (batch.length < FETCH_BATCH) break;
        }
      } while (channel.again && this.channels.get(channel.sessionId) === channel);
    } catch (error) {
      this.logger.error(`Reading live events of session ${channel.sessionId} failed: ${String(error)}`);
    } finally {
      channel.pumping = false;
    }
  }

  private read(communeId: string, sessionId: string, after: bigint): Promise<SessionEventRecord[]> {
    return this.tx.run({ communeId, userId: null, scope: 'public' }, () => this.sessions.events(communeId, sessionId, after.toString(), FETCH_BATCH));
  }

  private ensureListening(): Promise<void> {
    if (this.listener) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  /** Reconnects while anyone follows, then reads what was committed meanwhile (notifications are not replayed). */
  private reconnectLater(): void {
    setTimeout(() => {
      if (this.stopping || this.channels.size === 0) return;
      this.ensureListening().then(
        () => {
          for (const channel of this.channels.values()) void this.pump(channel);
        },
        (error: unknown) => {
          this.logger.error(`Reconnecting the live events connection failed: ${String(error)}; retrying`);
          this.reconnectLater();
        },
      );
    }, RECONNECT_DELAY_MS).unref();
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL, application_name: 'communes-session-events' });
    client.on('notification', (message) => {
      if (message.channel !== SESSION_EVENTS_CHANNEL || !message.payload) return;
      const { sessionId } = JSON.parse(message.payload) as { communeId: string; sessionId: string };
      const channel = this.channels.get(sessionId);
      if (channel) void this.pump(channel);
    });
    const lost = (error?: Error) => {
      if (this.listener !== client) return;
      this.listener = null;
      void client.end().catch(() => undefined);
      if (this.stopping) return;
      this.logger.warn(`Live events connection lost${error ? `: ${error.message}` : ''}; reconnecting`);
      this.reconnectLater();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_EVENTS_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.listener = client;
  }
}
