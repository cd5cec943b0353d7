/**
 * A handler in factory form that records every session it is handed (started, with a recorder), and a
 * raw client session on it: the GET stream open and the endpoint known.
 */
import { TransportRecorder } from '@mcpwire/test-utils';
import type { SseConnectionInfo, SseServerOptions, SseServerTransport } from '../../src/index.js';
import { type Mounted, mount, openRaw, type RawStream } from './fixtures.js';

/** One session the handler handed over, recorded. */
export interface RecordedSession {
  readonly transport: SseServerTransport;
  readonly info: SseConnectionInfo;
  readonly recorder: TransportRecorder;
}

/** A mounted handler whose sessions are recorded as they open. */
export interface RecordingServer extends Mounted {
  readonly sessions: RecordedSession[];
  /** Resolves with the `index`-th session once it opened. */
  session(index: number): Promise<RecordedSession>;
}

/** Mounts a handler whose `server` is a recording factory; other options as given. */
export async function recordingServer(
  options: Omit<SseServerOptions, 'server'> = {},
): Promise<RecordingServer> {
  const sessions: RecordedSession[] = [];
  const waiters: (() => void)[] = [];
  const mounted = await mount({
    ...options,
    server: async (transport, info) => {
      const recorder = new TransportRecorder(transport);
      await transport.start();
      sessions.push({ transport, info, recorder });
      for (const wake of waiters.splice(0)) wake();
    },
  });
  const session = async (index: number): Promise<RecordedSession> => {
    while (sessions.length <= index) await new Promise<void>((resolve) => waiters.push(resolve));
    return sessions[index]!;
  };
  return { ...mounted, sessions, session };
}

/** A raw client: the stream, and the endpoint's absolute URL. */
export interface RawClient {
  readonly stream: RawStream;
  readonly endpoint: string;
  readonly sessionId: string;
}

/** Opens the event stream raw and reads its endpoint. */
export async function rawClient(mounted: Mounted, headers: Record<string, string> = {}): Promise<RawClient> {
  const stream = await openRaw(mounted.url, headers);
  const path = await stream.endpoint();
  const endpoint = new URL(path, mounted.url).href;
  return { stream, endpoint, sessionId: new URL(endpoint).searchParams.get('sessionId') ?? '' };
}
