/**
 * Era detection and the legacy handshake (spec `basic/versioning`, `basic/transports/stdio`
 * "Backward Compatibility", 2025-11-25 `basic/lifecycle`).
 *
 * Auto mode probes with `server/discover` carrying our preferred modern version. A DiscoverResult or a
 * recognized modern error (-32020..-32022) means a server that knows the modern era: the client uses a
 * version from its list (`initialize` only for a legacy version that list names) and fails when none is
 * shared. Any other error, a timeout, or a reply that is not a DiscoverResult means a legacy server, and
 * the client sends `initialize`. The fallback is deliberately not keyed to one error code: legacy
 * servers answer unknown pre-`initialize` requests with -32601, -32602, anything else, or nothing.
 * Silence is the one verdict that can be wrong (a modern server still starting up): when `initialize`
 * is then refused with a modern version we share, the client asks `server/discover` once more.
 */
import type { ProtocolEngine } from '../engine/engine.js';
import { ErrorCode } from '../error-codes.js';
import { excerptOf, ProtocolError, TransportError, TransportErrorCode } from '../errors.js';
import type { JSONRPCParams } from '../jsonrpc.js';
import type { Implementation } from '../types/base.js';
import type { ClientCapabilities } from '../types/capabilities.js';
import type { DiscoverResult } from '../types/discover.js';
import type { InitializeResult } from '../types/lifecycle.js';
import { eraOf, MetaKey, type ProtocolEra, type ProtocolVersion } from '../types/revisions.js';
import { deriveCapabilities, type RootsCapability } from './capabilities.js';
import { checkParams, parseResultOrThrow, type EraDriver, type Session } from './driver.js';
import type { ElicitationCompletions } from './elicitation-complete.js';
import { LEGACY_ROOTS_CAPABILITY, LegacyDriver } from './legacy-driver.js';
import { MODERN_ROOTS_CAPABILITY, ModernDriver, type ModernDriverHost } from './modern-driver.js';
import type { ResolvedClientOptions } from './options.js';
import type { SendObserver } from './send-observer.js';
import { describeVersions, selectVersion, supportedVersionsOf } from './versions.js';

/** Everything negotiation needs from the client. */
export interface NegotiationContext {
  readonly engine: ProtocolEngine;
  readonly observer: SendObserver;
  readonly clientInfo: Implementation;
  readonly options: ResolvedClientOptions;
  readonly extraCapabilities: ClientCapabilities | undefined;
  readonly modernHost: ModernDriverHost;
  /** The era an earlier connection of this client detected, if any (spec: cache the era per server). */
  readonly cachedEra: ProtocolEra | undefined;
  /** Learns the URL-mode elicitation ids a legacy server names in -32042 errors. */
  readonly completions?: ElicitationCompletions | undefined;
}

/** The outcome: a driver for the detected era. */
export interface Negotiated {
  readonly driver: EraDriver;
  /** The era came from a probe (auto mode), and may be cached for the next connection. */
  readonly detected: boolean;
}

/** Codes a legacy server cannot send (the spec reserves -32020..-32099): they identify a modern server. */
const MODERN_ERROR_CODES: ReadonlySet<number> = new Set([
  ErrorCode.HeaderMismatch,
  ErrorCode.MissingRequiredClientCapability,
  ErrorCode.UnsupportedProtocolVersion,
]);

function newSession(
  ctx: NegotiationContext,
  era: ProtocolEra,
  version: ProtocolVersion,
  roots: RootsCapability,
): Session {
  return {
    era,
    version,
    capabilities: deriveCapabilities(ctx.options.handlers, ctx.extraCapabilities, roots),
    serverInfo: undefined,
    serverCapabilities: undefined,
    instructions: undefined,
  };
}

function noMutualVersion(what: string, offered: readonly unknown[], cause?: unknown): TransportError {
  return new TransportError(
    TransportErrorCode.UnsupportedVersion,
    excerptOf(`${what}: the server supports ${describeVersions(offered)}, none of which this client speaks`),
    { method: what === 'initialize' ? 'initialize' : 'server/discover' },
    cause,
  );
}

function modernDriver(ctx: NegotiationContext, version: ProtocolVersion): ModernDriver {
  return new ModernDriver(
    ctx.engine,
    ctx.observer,
    newSession(ctx, 'modern', version, MODERN_ROOTS_CAPABILITY),
    ctx.modernHost,
  );
}

/** Copies what a DiscoverResult says about the server into the session. */
export function applyDiscover(session: Session, result: DiscoverResult): void {
  session.serverCapabilities = result.capabilities;
  session.instructions = result.instructions;
  const info = result._meta?.[MetaKey.ServerInfo];
  if (typeof info === 'object' && info !== null) session.serverInfo = info as Implementation;
}

/** Sends `initialize` offering `offer`; retries once with a version named in a rejection's `data.supported`. */
async function initialize(ctx: NegotiationContext, offer: ProtocolVersion): Promise<EraDriver> {
  const session = newSession(ctx, 'legacy', offer, LEGACY_ROOTS_CAPABILITY);
  let version = offer;
  let raw: JSONRPCParams | undefined;
  for (let attempt = 0; raw === undefined; attempt++) {
    const params: JSONRPCParams = {
      protocolVersion: version,
      capabilities: session.capabilities,
      clientInfo: ctx.clientInfo,
    };
    checkParams('initialize', params, version);
    try {
      raw = await ctx.engine.request('initialize', params);
    } catch (error) {
      // Some servers reject an unknown version with an error listing theirs instead of answering with one.
      const supported = error instanceof ProtocolError ? supportedVersionsOf(error.data) : undefined;
      if (attempt > 0 || supported === undefined) throw error;
      const next = selectVersion(supported, 'legacy', offer);
      if (next === undefined || next === version) throw noMutualVersion('initialize', supported, error);
      version = next;
    }
  }
  const result = parseResultOrThrow('initialize', raw, version, undefined) as InitializeResult;
  const chosen = result.protocolVersion;
  // The server answers with its own version when it does not support ours; we must support it too.
  if (eraOf(chosen) !== 'legacy') throw noMutualVersion('initialize', [chosen]);
  session.version = chosen as ProtocolVersion;
  session.serverInfo = result.serverInfo;
  session.serverCapabilities = result.capabilities;
  session.instructions = result.instructions;
  return new LegacyDriver(ctx.engine, ctx.observer, session, ctx.completions);
}

/** What the probe concluded; `silent` when the legacy verdict came from no answer at all. */
type ProbeOutcome =
  | { kind: 'modern'; driver: ModernDriver; result: DiscoverResult }
  | { kind: 'legacy'; offer: ProtocolVersion; silent: boolean };

/** True when a probe failure says "legacy server": any error but a recognized modern one, or silence. */
function meansLegacy(error: unknown): boolean {
  if (error instanceof ProtocolError) return !MODERN_ERROR_CODES.has(error.code);
  if (!(error instanceof TransportError)) return false;
  // A timeout is silence; an invalid message is a reply that is not a DiscoverResult (a lenient legacy
  // server may answer unknown methods with `{}`). Closed, cancelled or a refused send are not answers.
  return error.code === TransportErrorCode.RequestTimeout || error.code === TransportErrorCode.InvalidMessage;
}

async function discover(driver: ModernDriver, ctx: NegotiationContext): Promise<DiscoverResult> {
  return (await driver.request('server/discover', undefined, {
    timeoutMs: ctx.options.probeTimeoutMs,
    noVersionRetry: true,
  })) as DiscoverResult;
}

async function probe(ctx: NegotiationContext): Promise<ProbeOutcome> {
  const driver = modernDriver(ctx, ctx.options.preferredModern);
  let result: DiscoverResult;
  try {
    result = await discover(driver, ctx);
  } catch (error) {
    if (meansLegacy(error)) {
      const silent = error instanceof TransportError && error.code === TransportErrorCode.RequestTimeout;
      return { kind: 'legacy', offer: ctx.options.preferredLegacy, silent };
    }
    if (!(error instanceof ProtocolError) || error.code !== ErrorCode.UnsupportedProtocolVersion) throw error;
    // A server that knows the modern era but not our version: use a version of its list. Only when
    // the list has no modern version we share but a legacy one does that version mean `initialize`;
    // with nothing shared, fail rather than guess (the spec's "do not fall back").
    const supported = supportedVersionsOf(error.data);
    if (supported === undefined) throw error;
    const next = selectVersion(supported, 'modern', ctx.options.preferredModern);
    if (next === undefined) {
      const legacy = selectVersion(supported, 'legacy', ctx.options.preferredLegacy);
      if (legacy === undefined) throw noMutualVersion('server/discover', supported, error);
      return { kind: 'legacy', offer: legacy, silent: false };
    }
    driver.session.version = next;
    result = await discover(driver, ctx);
  }
  return { kind: 'modern', driver, result };
}

/** True when `initialize` was refused: the server is not the legacy server it was taken for. */
function isInitializeRefusal(error: unknown): boolean {
  if (error instanceof ProtocolError) return true;
  return (
    error instanceof TransportError &&
    error.code === TransportErrorCode.UnsupportedVersion &&
    error.details.method === 'initialize'
  );
}

/** A modern version we share, named in the `data.supported` of a refused `initialize`. */
function modernVersionNamedIn(error: unknown, preferred: ProtocolVersion): ProtocolVersion | undefined {
  const refusal = error instanceof TransportError ? error.cause : error;
  if (!(refusal instanceof ProtocolError)) return undefined;
  const supported = supportedVersionsOf(refusal.data);
  return supported === undefined ? undefined : selectVersion(supported, 'modern', preferred);
}

/** The driver a DiscoverResult calls for: modern at a shared version, else `initialize` at a listed legacy one. */
async function driverForDiscover(
  ctx: NegotiationContext,
  driver: ModernDriver,
  result: DiscoverResult,
): Promise<EraDriver> {
  const offered = result.supportedVersions;
  const modern = selectVersion(offered, 'modern', driver.session.version);
  if (modern === undefined) {
    // A discover answer listing only legacy versions we share: that server speaks them through initialize.
    const legacy = selectVersion(offered, 'legacy', ctx.options.preferredLegacy);
    if (legacy === undefined) throw noMutualVersion('server/discover', offered);
    return initialize(ctx, legacy);
  }
  driver.session.version = modern;
  applyDiscover(driver.session, result);
  return driver;
}

/** An `initialize` refusal saying the session already started ("Server already initialized"). */
function isAlreadyInitialized(error: unknown): error is ProtocolError {
  return error instanceof ProtocolError && /already initiali[sz]ed/i.test(error.message);
}

/**
 * The refusal, saying why and what to do: the probe reached a session that was already started (a
 * bridge that initializes its upstream on the first message, forwards the probe into that session and
 * keeps it), so `initialize` cannot follow it on this connection. The code and data stay the server's.
 */
function probeTookTheSession(error: ProtocolError): ProtocolError {
  return new ProtocolError(
    error.code,
    `initialize was refused after the server/discover probe ("${excerptOf(error.message)}"): the server ` +
      '(likely a bridge that forwarded the probe into a session it keeps) took the probe as its session ' +
      "start; connect again with McpClientOptions era: 'legacy' to skip the probe",
    error.data,
    { requestId: error.requestId, cause: error },
  );
}

/**
 * `initialize` after a legacy verdict. An unanswered probe may have met a modern server that was still
 * starting up (an `npx` download, a cold container): when it then refuses `initialize` naming a modern
 * version we share (modern-only servers SHOULD name their versions there), it is modern after all, and
 * is asked once more with `server/discover` at that version, rather than failing the connection.
 */
async function initializeAfterProbe(
  ctx: NegotiationContext,
  offer: ProtocolVersion,
  silent: boolean,
): Promise<EraDriver> {
  try {
    return await initialize(ctx, offer);
  } catch (error) {
    if (!silent && isAlreadyInitialized(error)) throw probeTookTheSession(error);
    const modern = silent ? modernVersionNamedIn(error, ctx.options.preferredModern) : undefined;
    if (modern === undefined) throw error;
    const driver = modernDriver(ctx, modern);
    return driverForDiscover(ctx, driver, await discover(driver, ctx));
  }
}

/**
 * Connects the client's engine to a server of the right era and returns the driver for it. The
 * caller sends `notifications/initialized` for a legacy driver once its handlers are installed.
 */
export async function negotiate(ctx: NegotiationContext): Promise<Negotiated> {
  const { era, preferredLegacy, preferredModern } = ctx.options;
  if (era === 'legacy') return { driver: await initialize(ctx, preferredLegacy), detected: false };
  if (era === 'modern') {
    // Pinned: no probe; what discover would tell stays unknown until the caller asks for it.
    return { driver: modernDriver(ctx, preferredModern), detected: false };
  }
  if (ctx.cachedEra === 'legacy') {
    // The spec allows reusing a detected era, re-probing if the assumption fails.
    try {
      return { driver: await initialize(ctx, preferredLegacy), detected: true };
    } catch (error) {
      if (!isInitializeRefusal(error)) throw error;
    }
  }
  const outcome = await probe(ctx);
  if (outcome.kind === 'legacy') {
    return { driver: await initializeAfterProbe(ctx, outcome.offer, outcome.silent), detected: true };
  }
  return { driver: await driverForDiscover(ctx, outcome.driver, outcome.result), detected: true };
}
