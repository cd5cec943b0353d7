import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import {
  type JSONRPCMessage,
  type MessageExtraInfo,
  type Transport,
  TransportError,
  TransportErrorCode,
  type TransportSendOptions,
} from '@mcpwire/protocol-core';
import { InboundBuffer, MAX_EXCERPT_CHARS, excerptOf } from '@mcpwire/protocol-core/transport-kit';
import { buildEnvironment } from './environment.js';
import { LineChannel } from './internal/line-channel.js';
import { POSIX, reapGroup, signalChild, trackGroup, untrackGroup } from './internal/process-group.js';
import { StderrTap } from './internal/stderr-tap.js';
import { checkMaxMessageBytes } from './internal/stream-core.js';

/** Options of {@link createStdioClientTransport}. */
export interface StdioClientTransportOptions {
  /** The server executable. Spawned without a shell, so arguments need no quoting. */
  command: string;
  /** Its arguments. @default [] */
  args?: readonly string[] | undefined;
  /**
   * Variables added to the inherited allow-list ({@link DEFAULT_INHERITED_ENV_VARS}: HOME, LOGNAME,
   * PATH, SHELL, TERM, USER on POSIX); `undefined` removes one. The rest of this process's environment
   * is not passed on.
   * @default {} (the allow-list only)
   */
  env?: Record<string, string | undefined> | undefined;
  /** The server's working directory. @default process.cwd() */
  cwd?: string | undefined;
  /**
   * What happens to the server's stderr: shown with ours (`'inherit'`), discarded, or exposed as
   * {@link StdioClientTransport.stderr} (`'pipe'`), which is always drained so it cannot stall the server.
   * @default 'inherit'
   */
  stderr?: 'pipe' | 'inherit' | 'ignore' | undefined;
  /** With `stderr: 'pipe'`, how many unread stderr bytes are held before new ones are dropped. @default 65536 */
  stderrBufferBytes?: number | undefined;
  /**
   * Start the server in its own process group (POSIX), so shutdown signals reach the helpers it spawned
   * and none is left behind. Such a server does not get the terminal's Ctrl-C; it sees stdin EOF when
   * this process dies, and groups still running at this process's `exit` get a SIGTERM. Ignored on Windows.
   * @default true
   */
  detached?: boolean | undefined;
  /** How long each shutdown step (stdin EOF, then SIGTERM, then SIGKILL) waits for the exit. @default 2000 */
  closeTimeoutMs?: number | undefined;
  /** The longest line accepted from the server, in bytes. @default 4194304 (4 MiB) */
  maxMessageBytes?: number | undefined;
}

/** How long after an unexpected exit stdout may still deliver what the server wrote before dying. */
const EXIT_DRAIN_MS = 100;

type State = 'new' | 'starting' | 'open' | 'exited' | 'closed';
type ExitInfo = { exitCode: number | null; signal: NodeJS.Signals | null };

/**
 * The client side of stdio: spawns an MCP server and talks NDJSON over its stdin/stdout.
 *
 * `close()` ends the server's stdin and waits for it to exit, escalating to SIGTERM and then SIGKILL
 * (to the whole process group on POSIX) after `closeTimeoutMs` each. A server that exits on its own
 * closes the transport: `onerror` gets `MCPWIRE_ERR_PROCESS_EXITED` with the exit code or signal, then
 * `onclose` fires once.
 */
export class StdioClientTransport implements Transport {
  /** Called once when the transport closed, whoever closed it. */
  onclose?: (() => void) | undefined;
  /** Called for malformed lines, stream failures and an unexpected exit of the server. */
  onerror?: ((error: Error) => void) | undefined;
  /** Called for each valid message received. */
  onmessage?: ((message: JSONRPCMessage, extra?: MessageExtraInfo) => void) | undefined;

  readonly #options: StdioClientTransportOptions;
  readonly #maxMessageBytes: number;
  readonly #closeTimeoutMs: number;
  readonly #group: boolean;
  readonly #inbound: InboundBuffer = new InboundBuffer(this);
  readonly #stderr: StderrTap | undefined;
  #state: State = 'new';
  #child: ChildProcess | undefined;
  #channel: LineChannel | undefined;
  #spawned: Promise<void> | undefined;
  #exit: ExitInfo | undefined;
  #exitError: TransportError | undefined;
  #exited: Promise<void> = Promise.resolve();
  #stdoutEnded = false;
  #drainTimer: NodeJS.Timeout | undefined;
  #closing: Promise<void> | undefined;
  #cleanup: Promise<void> | undefined;
  /** Set when shutdown reached SIGKILL for the group: nothing in it is left to reap. */
  #groupKilled = false;

  constructor(options: StdioClientTransportOptions) {
    this.#options = options;
    this.#maxMessageBytes = checkMaxMessageBytes(options.maxMessageBytes);
    this.#closeTimeoutMs = options.closeTimeoutMs ?? 2000;
    this.#group = POSIX && (options.detached ?? true);
    if (options.stderr === 'pipe') this.#stderr = new StderrTap(options.stderrBufferBytes ?? 65_536);
  }

  /** The server's process id, once spawned. */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /**
   * The server's stderr with `stderr: 'pipe'`, else null. Available before `start()` so listeners can be
   * attached early; unread output beyond `stderrBufferBytes` is dropped rather than blocking the server.
   */
  get stderr(): Readable | null {
    return this.#stderr?.stream ?? null;
  }

  /** Spawns the server. Rejects with `MCPWIRE_ERR_SPAWN` when it cannot be started (e.g. ENOENT). */
  start(): Promise<void> {
    if (this.#state !== 'new') {
      return Promise.reject(
        this.#state === 'closed'
          ? new TransportError(TransportErrorCode.Closed, 'Transport is closed')
          : new TransportError(
              TransportErrorCode.AlreadyStarted,
              'Transport already started; start() is called once',
            ),
      );
    }
    this.#state = 'starting';
    this.#spawned = this.#spawn();
    return this.#spawned;
  }

  /**
   * Writes the message to the server's stdin as one line; resolves once the pipe accepted it. Rejects
   * with `MCPWIRE_ERR_PROCESS_EXITED` once the server died, `MCPWIRE_ERR_CLOSED` after close.
   */
  send(message: JSONRPCMessage, _options?: TransportSendOptions): Promise<void> {
    if (this.#state === 'open' && this.#channel !== undefined) return this.#channel.send(message);
    if (this.#exitError !== undefined) return Promise.reject(this.#exitError);
    return Promise.reject(
      this.#state === 'new' || this.#state === 'starting'
        ? new TransportError(TransportErrorCode.NotStarted, 'Transport not started; call start() first')
        : new TransportError(TransportErrorCode.Closed, 'Transport is closed'),
    );
  }

  /** Shuts the server down (stdin EOF → SIGTERM → SIGKILL); resolves once it has exited. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  async #spawn(): Promise<void> {
    const { command, args = [], cwd, stderr = 'inherit' } = this.#options;
    let child: ChildProcess;
    try {
      child = spawn(command, args, {
        cwd,
        env: buildEnvironment(this.#options.env),
        stdio: ['pipe', 'pipe', stderr],
        detached: this.#group,
        shell: false,
        windowsHide: true,
      });
    } catch (cause) {
      // Synchronous failures: bad arguments (a NUL byte in an argument, an invalid cwd type).
      throw this.#spawnFailed(cause);
    }
    this.#child = child;
    let onExit!: () => void;
    this.#exited = new Promise((resolve) => {
      onExit = resolve;
    });
    // Listeners go on before the first await: a fast-failing child may exit right after spawning.
    child.on('exit', (exitCode, signal) => {
      this.#exit = { exitCode, signal };
      onExit();
      this.#onExit();
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
      });
    } catch (cause) {
      // No process exists; its pipes are already closed by Node.
      throw this.#spawnFailed(cause);
    }
    child.on('error', (error) => this.#report(error));
    if (this.#group && child.pid !== undefined) trackGroup(child.pid);
    if (this.#stderr !== undefined && child.stderr !== null) {
      this.#stderr.onEnd = () => {
        if (this.#state === 'exited') this.#finishExitWhenDrained();
      };
      this.#stderr.attach(child.stderr);
    }
    this.#channel = new LineChannel({
      readable: child.stdout!,
      writable: child.stdin!,
      inbound: this.#inbound,
      maxMessageBytes: this.#maxMessageBytes,
      names: { readable: "the server's stdout", writable: "the server's stdin" },
      events: {
        end: () => {
          this.#stdoutEnded = true;
          if (this.#state === 'exited') this.#finishExitWhenDrained();
        },
        readFailed: (error) => {
          this.#report(error);
          if (this.#state === 'open') void this.close();
        },
        // EPIPE means the server closed stdin, usually because it is exiting: its exit closes the
        // transport. Sends meanwhile reject with this error.
        writeFailed: (error) => {
          if (this.#state === 'open' && error.code !== TransportErrorCode.Closed) this.#report(error);
        },
      },
    });
    if (this.#state === 'starting') this.#state = 'open';
    this.#inbound.start();
    this.#channel.startReading();
    // A child that exited before 'spawn' was handled (possible for very fast exits) is handled now.
    if (this.#exit !== undefined) this.#onExit();
  }

  #spawnFailed(cause: unknown): TransportError {
    this.#state = 'closed';
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new TransportError(
      TransportErrorCode.Spawn,
      `Cannot start MCP server "${this.#options.command}": ${reason}`,
      {},
      cause,
    );
  }

  /** The server exited. If we did not ask it to, this is an error, reported once its output was drained. */
  #onExit(): void {
    if (this.#state !== 'open' || this.#channel === undefined) return;
    this.#state = 'exited';
    this.#exitError = this.#exitErrorWith(undefined);
    this.#channel.writer.fail(this.#exitError);
    // What the server wrote right before dying is still in its pipes: deliver it (and keep its last
    // stderr words for the error) first, within bounds: a grandchild may hold the pipes open.
    this.#drainTimer = setTimeout(() => this.#finishExit(), EXIT_DRAIN_MS);
    this.#finishExitWhenDrained();
  }

  #finishExitWhenDrained(): void {
    if (this.#stdoutEnded && (this.#stderr === undefined || this.#stderr.ended)) this.#finishExit();
  }

  #finishExit(): void {
    if (this.#state !== 'exited') return;
    this.#state = 'closed';
    clearTimeout(this.#drainTimer);
    this.#channel?.stopReading();
    const tail = this.#stderr?.tail();
    if (tail) this.#exitError = this.#exitErrorWith(excerptOf(tail.slice(-MAX_EXCERPT_CHARS)));
    this.#report(this.#exitError!);
    this.#inbound.closed();
    this.#cleanup ??= this.#release();
  }

  #exitErrorWith(stderrTail: string | undefined): TransportError {
    const { exitCode, signal } = this.#exit!;
    const how = signal === null ? `with code ${exitCode}` : `on signal ${signal}`;
    return new TransportError(
      TransportErrorCode.ProcessExited,
      `MCP server "${this.#options.command}" (pid ${this.#child?.pid}) exited ${how}`,
      stderrTail === undefined ? { exitCode, signal } : { exitCode, signal, excerpt: stderrTail },
    );
  }

  async #shutdown(): Promise<void> {
    if (this.#state === 'starting') await this.#spawned?.catch(() => {});
    // Exited on its own but not yet reported: report it now, before our onclose.
    if (this.#state === 'exited') this.#finishExit();
    const wasOpen = this.#state === 'open';
    this.#state = 'closed';
    this.#channel?.stopReading();
    this.#channel?.writer.fail(new TransportError(TransportErrorCode.Closed, 'Transport is closed'));
    this.#inbound.flushClose();
    if (wasOpen) await this.#stopChild();
    this.#cleanup ??= this.#release();
    await this.#cleanup;
  }

  /** stdin EOF, then SIGTERM, then SIGKILL, each given `closeTimeoutMs` to end the server. */
  async #stopChild(): Promise<void> {
    const child = this.#child;
    if (child === undefined || this.#exit !== undefined) return;
    // EOF is the polite request (the spec's shutdown for stdio); pending lines are flushed first.
    if (child.stdin !== null && !child.stdin.destroyed) child.stdin.end();
    if (await this.#waitExit()) return;
    signalChild(child, 'SIGTERM', this.#group);
    if (await this.#waitExit()) return;
    this.#groupKilled = this.#group;
    signalChild(child, 'SIGKILL', this.#group);
    await this.#waitExit();
  }

  #waitExit(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.#closeTimeoutMs);
    });
    return Promise.race([this.#exited.then(() => true), timeout]).finally(() => clearTimeout(timer));
  }

  /** Once the server is gone: stops its leftover group, and lets go of its pipes so nothing holds the loop. */
  async #release(): Promise<void> {
    const child = this.#child;
    if (child === undefined) return;
    const pid = child.pid;
    if (this.#group && pid !== undefined) {
      if (!this.#groupKilled) await reapGroup(pid, this.#closeTimeoutMs);
      untrackGroup(pid);
    }
    // Bounded: a helper outside the group may hold the pipe open for good.
    if (this.#exit !== undefined) await this.#stderr?.drained(EXIT_DRAIN_MS);
    child.stdout?.destroy();
    child.stdin?.destroy();
    this.#stderr?.release();
  }

  #report(error: Error): void {
    try {
      this.#inbound.fail(error);
    } catch {
      // onerror threw: nobody else to tell, and shutdown must go on.
    }
  }
}

/**
 * Creates a transport that spawns an MCP server and speaks to it over stdio.
 * @example
 * const transport = createStdioClientTransport({ command: 'node', args: ['server.js'], stderr: 'pipe' });
 * transport.stderr?.on('data', (chunk) => log(String(chunk)));
 * await client.connect(transport);
 */
export function createStdioClientTransport(options: StdioClientTransportOptions): StdioClientTransport {
  return new StdioClientTransport(options);
}
