/**
 * The legacy era (2024-11-05 to 2025-11-25) as the client speaks it: requests go out as given (the
 * `initialize` handshake already fixed version and capabilities for the connection) and results are
 * parsed with the negotiated revision's schemas.
 */
import type { ProtocolEngine } from '../engine/engine.js';
import type { JSONRPCParams } from '../jsonrpc.js';
import type { LoggingLevel } from '../types/logging.js';
import type { McpMethod } from '../types/method-types.js';
import type { SubscriptionFilter } from '../types/subscriptions.js';
import type { RootsCapability } from './capabilities.js';
import {
  checkParams,
  type DriverRequestOptions,
  type EraDriver,
  type InputSettings,
  type ListenDeps,
  sendChecked,
  parseResultOrThrow,
  type Session,
} from './driver.js';
import type { ElicitationCompletions } from './elicitation-complete.js';
import { installLegacyInputHandlers } from './input-handlers.js';
import type { ListenHandle, ListenOptions } from './listen.js';
import { listenLegacy } from './listen-legacy.js';
import type { ListenCallbacks } from './notification-router.js';
import type { ClientHandlers } from './options.js';
import type { SendObserver } from './send-observer.js';

/** Legacy clients send `notifications/roots/list_changed`, and say so. */
export const LEGACY_ROOTS_CAPABILITY: RootsCapability = { listChanged: true };

/** Sends legacy-era requests on an initialized connection. */
export class LegacyDriver implements EraDriver {
  readonly session: Session;
  readonly #engine: ProtocolEngine;
  readonly #observer: SendObserver;
  readonly #completions: ElicitationCompletions | undefined;

  /** `completions` learns the ids of -32042 errors, which the server may complete later. */
  constructor(
    engine: ProtocolEngine,
    observer: SendObserver,
    session: Session,
    completions?: ElicitationCompletions,
  ) {
    this.#engine = engine;
    this.#observer = observer;
    this.session = session;
    this.#completions = completions;
  }

  async request(
    method: McpMethod,
    params: JSONRPCParams | undefined,
    options?: DriverRequestOptions,
  ): Promise<unknown> {
    const version = this.session.version;
    const result = sendChecked(this.#engine, this.#observer, method, params, version, options);
    const id = this.#observer.lastRequestId;
    let raw: JSONRPCParams;
    try {
      raw = await result;
    } catch (error) {
      // Only the failure path looks at the error: a -32042 names ids the server may complete.
      this.#completions?.noteError(error);
      throw error;
    }
    return parseResultOrThrow(method, raw, version, id);
  }

  validate(method: McpMethod, params: JSONRPCParams | undefined): void {
    checkParams(method, params, this.session.version);
  }

  notify(method: McpMethod, params?: JSONRPCParams): Promise<void> {
    try {
      checkParams(method, params, this.session.version);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#engine.notify(method, params);
  }

  completeConnect(handlers: ClientHandlers, logLevel: LoggingLevel | undefined): Promise<void> {
    return completeLegacyHandshake(this.#engine, this, handlers, logLevel, this.#completions);
  }

  async setLogLevel(level: LoggingLevel, options?: DriverRequestOptions): Promise<void> {
    await this.request('logging/setLevel', { level }, options);
  }

  /** Legacy servers ask for input with requests of their own (installed handlers): one request. */
  requestWithInput(
    method: McpMethod,
    params: JSONRPCParams,
    options: DriverRequestOptions | undefined,
    _input: InputSettings,
  ): Promise<unknown> {
    return this.request(method, params, options);
  }

  listen(
    deps: ListenDeps,
    filter: SubscriptionFilter,
    callbacks: ListenCallbacks,
    options: ListenOptions | undefined,
  ): Promise<ListenHandle> {
    return listenLegacy(this, deps.router, deps.uriHolds, filter, callbacks, options?.signal);
  }

  rootsListChanged(): Promise<void> {
    return this.notify('notifications/roots/list_changed');
  }
}

/**
 * Ends the handshake once `initialize` was answered: installs the input handlers (before
 * `initialized`, after which the server may send requests at once), sends `initialized`, then the
 * log level the caller chose before connecting, if the server logs at all.
 */
async function completeLegacyHandshake(
  engine: ProtocolEngine,
  driver: EraDriver,
  handlers: ClientHandlers,
  logLevel: LoggingLevel | undefined,
  completions?: ElicitationCompletions,
): Promise<void> {
  installLegacyInputHandlers(engine, handlers, driver.session, completions);
  await driver.notify('notifications/initialized');
  if (logLevel !== undefined && driver.session.serverCapabilities?.logging !== undefined) {
    await driver.request('logging/setLevel', { level: logLevel });
  }
}
