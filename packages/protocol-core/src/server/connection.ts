/**
 * One client connection: an engine on the transport, and the dual-era rule of how a client opens
 * (versioning: "A dual-era server selects its behavior from how the client opens"): an `initialize`
 * without modern `_meta` starts a legacy session for the rest of the connection; before that, a
 * request carrying `_meta["io.modelcontextprotocol/protocolVersion"]` is served statelessly by the
 * modern era, `initialize` included (which that era does not have: -32601).
 */
import { ProtocolEngine } from '../engine/engine.js';
import type { HandlerContext } from '../engine/types.js';
import type { JSONRPCParams } from '../jsonrpc.js';
import type { Transport } from '../transport.js';
import type { Implementation } from '../types/base.js';
import type { ClientCapabilities } from '../types/capabilities.js';
import type { ProtocolEra, ProtocolVersion } from '../types/revisions.js';
import { type LegacySession, notInitialized, startLegacySession } from './legacy-era.js';
import { hasModernMeta, type ModernEra } from './modern-era.js';
import type { ServerCore } from './server-core.js';
import type { ServerConnection } from './types.js';

/** A {@link ServerConnection}, with what the server needs to manage it. */
export class McpServerConnection implements ServerConnection {
  readonly engine: ProtocolEngine;
  readonly #core: ServerCore;
  readonly #modern: ModernEra;
  #session: LegacySession | undefined = undefined;
  #closed = false;

  /** `onClosed` runs once, when the connection closes for whatever reason. */
  constructor(core: ServerCore, modern: ModernEra, onClosed: (connection: McpServerConnection) => void) {
    this.#core = core;
    this.#modern = modern;
    const engine = new ProtocolEngine(core.options.engine);
    this.engine = engine;
    // ping is legacy-only (2026-07-28 has none): the router answers it, not the engine's default.
    engine.removeRequestHandler('ping');
    engine.fallbackRequestHandler = (params, ctx) => this.#route(params, ctx);
    engine.setNotificationHandler('notifications/initialized', () => {
      if (this.#session !== undefined) this.#session.initialized = true;
    });
    engine.onerror = core.report;
    engine.onclose = () => {
      this.#closed = true;
      if (this.#session !== undefined) {
        core.fanout.delete(this.#session);
        // Its pending URL elicitations can no longer be completed: nobody is there to tell.
        core.urlElicitations.drop(this.#session);
      }
      onClosed(this);
    };
  }

  // Session facts are legacy-only: modern requests leave no trace on the connection (statelessness).
  get era(): ProtocolEra | undefined {
    return this.#session?.era;
  }

  get protocolVersion(): ProtocolVersion | undefined {
    return this.#session?.protocolVersion;
  }

  get clientInfo(): Implementation | undefined {
    return this.#session?.clientInfo;
  }

  get clientCapabilities(): ClientCapabilities | undefined {
    return this.#session?.clientCapabilities;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** The legacy session, once initialized (for server-wide log messages). */
  get session(): LegacySession | undefined {
    return this.#session;
  }

  /** Connects the engine to the transport and starts it. */
  async start(transport: Transport): Promise<void> {
    await this.engine.connect(transport);
  }

  /** Closing the engine aborts handlers and fires `onclose`, which unregisters the session. */
  close(): Promise<void> {
    return this.engine.close();
  }

  /** The one request handler of the engine: picks the era for this request. */
  #route(params: JSONRPCParams | undefined, ctx: HandlerContext): JSONRPCParams | Promise<JSONRPCParams> {
    const session = this.#session;
    if (session !== undefined) return session.serve(ctx.method, params, ctx);
    const method = ctx.method;
    // Modern `_meta` is checked first: it says which era the request belongs to, whatever its method.
    if (hasModernMeta(params)) return this.#modern.serve(method, params, ctx);
    if (method === 'initialize') return this.#initialize(params);
    // Legacy clients may ping before initialize (lifecycle); any other request needs a handshake or _meta.
    if (method === 'ping') return {};
    throw notInitialized(method);
  }

  /** Starts the legacy session; the result is checked before the session exists, so a failure leaves none. */
  #initialize(params: JSONRPCParams | undefined): JSONRPCParams {
    const { session, result } = startLegacySession(this.#core, this.engine, params);
    const checked = this.#core.checkResult(
      'initialize',
      result as unknown as JSONRPCParams,
      session.protocolVersion,
    );
    this.#session = session;
    this.#core.fanout.add(session);
    // HTTP transports send the negotiated revision as a header from now on.
    this.engine.transport?.setProtocolVersion?.(session.protocolVersion);
    return checked;
  }
}
