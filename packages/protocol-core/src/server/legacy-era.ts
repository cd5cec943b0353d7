/**
 * The legacy era (2024-11-05 … 2025-11-25), in one place: the `initialize` handshake and version
 * negotiation, the per-connection session (client capabilities, `logging/setLevel`,
 * `resources/subscribe`), connection-wide change notifications, and input obtained by sending
 * requests to the client through the engine. Differences between legacy revisions are in
 * {@link REVISION_RULES}, not in `if`s on version strings.
 */
import type { ProtocolEngine } from '../engine/engine.js';
import type { RequestOptions } from '../engine/options.js';
import { ErrorCode } from '../error-codes.js';
import { excerptOf, ProtocolError, TransportError, TransportErrorCode } from '../errors.js';
import type { JSONRPCParams } from '../jsonrpc.js';
import type { Implementation } from '../types/base.js';
import type { ClientCapabilities } from '../types/capabilities.js';
import { ElicitResultSchema } from '../types/elicitation.js';
import type { InitializeRequestParams, InitializeResult } from '../types/lifecycle.js';
import { getMethodSpec, parseParams } from '../types/methods.js';
import type { ProtocolVersion } from '../types/revisions.js';
import { ListRootsResultSchema } from '../types/roots.js';
import { CreateMessageResultSchema } from '../types/sampling.js';
import { describeCapability, missingClientCapability } from './capabilities.js';
import { levelIndex } from './context.js';
import { dispatchFeature, methodNotFound } from './dispatch.js';
import type { Era, InputMethod, RequestChannel, RequestRules } from './era.js';
import { checkFormAnswer, formValidator } from './elicitation-answer.js';
import { InputRefusedError } from './input-refused-error.js';
import type { ServerCore } from './server-core.js';
import { checkClientInfo, checkUri } from './session-bounds.js';
import type { ChangeListener, ListKind } from './subscriptions.js';
import type { ElicitOptions, InputOptions } from './types.js';
import { UrlElicitationRequiredError } from './url-elicitation-error.js';
import type { ElicitationOwner } from './url-elicitations.js';

/** Rethrows the client's error answer to an input request as an {@link InputRefusedError}. */
function refusedByClient(method: InputMethod): (error: unknown) => never {
  return (error) => {
    throw error instanceof ProtocolError ? new InputRefusedError(method, error) : error;
  };
}

/** What differs between legacy revisions, as far as the server is concerned. */
interface LegacyRevisionRules {
  /** 2025-11-25 reports invalid tool arguments as tool execution errors; earlier revisions as -32602. */
  toolInputErrorsAsResults: boolean;
  /** `outputSchema` / `structuredContent` exist (2025-06-18 on). */
  structuredContent: boolean;
  /** Elicitation has `mode` (form or URL) and URL-mode ids (2025-11-25). */
  elicitationModes: boolean;
}

const REVISION_RULES: { readonly [version: string]: LegacyRevisionRules } = {
  '2024-11-05': { toolInputErrorsAsResults: false, structuredContent: false, elicitationModes: false },
  '2025-03-26': { toolInputErrorsAsResults: false, structuredContent: false, elicitationModes: false },
  '2025-06-18': { toolInputErrorsAsResults: false, structuredContent: true, elicitationModes: false },
  '2025-11-25': { toolInputErrorsAsResults: true, structuredContent: true, elicitationModes: true },
};

/** The params that make `missingClientCapability` check URL mode. */
const URL_MODE: JSONRPCParams = Object.freeze({ mode: 'url' });

/** A handler reused an id another session is waiting on: a completion could reach the wrong client. */
function idInUse(id: string): Error {
  return new Error(
    `elicitationId "${excerptOf(id)}" is pending on another connection: ids must be unique within the server`,
  );
}

const RESULT_SCHEMAS = {
  'elicitation/create': ElicitResultSchema,
  'sampling/createMessage': CreateMessageResultSchema,
  'roots/list': ListRootsResultSchema,
} as const;

/**
 * Answers `initialize`: the client's revision when we speak it, else our newest legacy one (the
 * client disconnects if it cannot speak that). A server configured without legacy revisions
 * refuses, naming the revisions it speaks (versioning: "SHOULD name the protocol versions").
 */
export function startLegacySession(
  core: ServerCore,
  engine: ProtocolEngine,
  params: JSONRPCParams | undefined,
): { session: LegacySession; result: InitializeResult } {
  const requested = params?.['protocolVersion'];
  const legacy = core.options.legacyVersions;
  if (legacy.length === 0) {
    throw new ProtocolError(
      ErrorCode.InvalidParams,
      'Unsupported protocol version: this server speaks no initialize-based revision',
      {
        supported: [...core.options.supportedVersions],
        requested: typeof requested === 'string' ? requested : String(requested),
      },
    );
  }
  const version = legacy.find((candidate) => candidate === requested) ?? legacy[0]!;
  const parsed = parseParams('initialize', params, version);
  if (!parsed.ok) throw new ProtocolError(ErrorCode.InvalidParams, parsed.error);
  checkClientInfo(parsed.value.clientInfo, core.options);
  const session = new LegacySession(core, engine, version, parsed.value as InitializeRequestParams);
  const result: InitializeResult = {
    protocolVersion: version,
    capabilities: core.capabilities(),
    serverInfo: core.info,
  };
  if (core.options.instructions !== undefined) result.instructions = core.options.instructions;
  return { session, result };
}

/** One initialized connection: the era's admission rules, its state, and its request rules. */
export class LegacySession implements Era, RequestRules, ChangeListener, ElicitationOwner {
  readonly era = 'legacy' as const;
  readonly protocolVersion: ProtocolVersion;
  readonly clientInfo: Implementation;
  readonly clientCapabilities: ClientCapabilities;
  readonly toolInputErrorsAsResults: boolean;
  readonly structuredContent: boolean;
  /** Set by `notifications/initialized`: change notifications start then. */
  initialized = false;
  readonly #rules: LegacyRevisionRules;
  readonly #core: ServerCore;
  readonly #engine: ProtocolEngine;
  readonly #subscriptions = new Set<string>();
  /** Before `logging/setLevel` every level is sent (index 0 is `debug`). */
  #level = 0;

  constructor(
    core: ServerCore,
    engine: ProtocolEngine,
    version: ProtocolVersion,
    params: InitializeRequestParams,
  ) {
    this.#core = core;
    this.#engine = engine;
    this.protocolVersion = version;
    this.clientInfo = params.clientInfo;
    this.clientCapabilities = params.capabilities;
    this.#rules = REVISION_RULES[version]!;
    this.toolInputErrorsAsResults = this.#rules.toolInputErrorsAsResults;
    this.structuredContent = this.#rules.structuredContent;
  }

  serve(
    method: string,
    params: JSONRPCParams | undefined,
    channel: RequestChannel,
  ): JSONRPCParams | Promise<JSONRPCParams> {
    // The era's own methods first; then the negotiated revision's method table decides what exists.
    switch (method) {
      case 'ping':
        return {};
      case 'initialize':
        throw new ProtocolError(
          ErrorCode.InvalidRequest,
          'Invalid Request: this connection is already initialized',
        );
      case 'logging/setLevel':
        return this.#setLevel(params);
      case 'resources/subscribe':
      case 'resources/unsubscribe':
        return this.#subscribe(method, params);
    }
    const spec = getMethodSpec(method, this.protocolVersion);
    // Server-to-client methods (roots/list, sampling …) do not exist in this direction.
    if (spec === undefined || spec.kind !== 'request' || spec.from === 'server') throw methodNotFound(method);
    const parsed = parseParams(method, params, this.protocolVersion);
    if (!parsed.ok) throw new ProtocolError(ErrorCode.InvalidParams, parsed.error);
    // The session is its own RequestRules: nothing is allocated per request on the legacy hot path.
    const result = dispatchFeature(
      this.#core,
      method,
      parsed.value as JSONRPCParams | undefined,
      this,
      channel,
    );
    if (!this.#core.options.validateResults) return result;
    return Promise.resolve(result).then((value) =>
      this.#core.checkResult(method, value, this.protocolVersion),
    );
  }

  /** The session's level from `logging/setLevel`; every level until the client sets one. */
  logThreshold(): number | undefined {
    return this.#level;
  }

  /** -32002, the code every legacy revision defines for it. */
  resourceNotFound(uri: string): ProtocolError {
    return new ProtocolError(ErrorCode.ResourceNotFound, 'Resource not found', { uri: excerptOf(uri) });
  }

  finish(method: string, result: JSONRPCParams): JSONRPCParams {
    // Handlers may set modern cache hints on a read; legacy results have no such members.
    if (method === 'resources/read') {
      delete result['ttlMs'];
      delete result['cacheScope'];
    }
    return result;
  }

  /** Sends the request to the client through the engine, after checking the revision and capabilities. */
  input(
    method: InputMethod,
    params: JSONRPCParams | undefined,
    channel: RequestChannel,
    options: InputOptions | undefined,
  ): Promise<JSONRPCParams> {
    const refuse = (why: string): Promise<never> =>
      Promise.reject(
        new TransportError(TransportErrorCode.CapabilityMissing, `Cannot send ${method}: ${why}`, { method }),
      );
    if (getMethodSpec(method, this.protocolVersion) === undefined)
      return refuse(`revision ${this.protocolVersion} has no such request`);
    const urlMode = method === 'elicitation/create' && params?.['mode'] === 'url';
    if (urlMode && !this.#rules.elicitationModes)
      return refuse(`revision ${this.protocolVersion} has no URL-mode elicitation`);
    const missing = missingClientCapability(method, params, this.clientCapabilities);
    if (missing !== undefined) return refuse(`the client did not declare ${describeCapability(missing)}`);
    if (channel.request === undefined) return refuse('this request has no channel back to the client');
    const sendOptions: RequestOptions = {
      resultSchema: RESULT_SCHEMAS[method],
      timeoutMs: options?.timeoutMs,
    };
    const refused = refusedByClient(method);
    if (method !== 'elicitation/create' || params === undefined)
      return channel.request(method, params, sendOptions).catch(refused);
    // Shape a copy for the negotiated revision: the handler's object is never mutated.
    const shaped = { ...params };
    if (urlMode) return this.#elicitUrl(shaped, channel, sendOptions, options as ElicitOptions | undefined);
    if (!this.#rules.elicitationModes) delete shaped['mode'];
    // Compiled before sending: a broken schema is our bug, found without bothering the user.
    const validate = formValidator(params);
    return channel.request(method, shaped, sendOptions).then((answer) => {
      const invalid = checkFormAnswer(validate, answer, 'Invalid elicitation/create result from the client');
      if (invalid !== undefined) throw invalid;
      return answer;
    }, refused);
  }

  /**
   * URL mode (2025-11-25): the id ties `notifications/elicitation/complete` to this request, so it is
   * claimed for this session before sending and kept while the user may be busy out of band: it is
   * released when the client declines, cancels or fails, since no interaction will then complete.
   */
  #elicitUrl(
    shaped: JSONRPCParams,
    channel: RequestChannel,
    sendOptions: RequestOptions,
    options: ElicitOptions | undefined,
  ): Promise<JSONRPCParams> {
    const given = shaped['elicitationId'];
    const id = typeof given === 'string' ? given : globalThis.crypto.randomUUID();
    shaped['elicitationId'] = id;
    const pending = this.#core.urlElicitations;
    if (!pending.claim(id, this)) return Promise.reject(idInUse(id));
    try {
      options?.onElicitationId?.(id);
    } catch (error) {
      pending.release(id, this);
      return Promise.reject(error);
    }
    return channel.request!('elicitation/create', shaped, sendOptions).then(
      (answer) => {
        if (answer['action'] !== 'accept') pending.release(id, this);
        return answer;
      },
      (error: unknown): never => {
        pending.release(id, this);
        return refusedByClient('elicitation/create')(error);
      },
    );
  }

  /**
   * A handler's -32042: sent as thrown when this session can take URL mode, its ids claimed for
   * `completeElicitation`; otherwise refused like `ctx.elicit` would be (a tool then reports it).
   */
  urlElicitationRequired(error: ProtocolError): Error {
    const required = UrlElicitationRequiredError.from(error);
    if (!(required instanceof UrlElicitationRequiredError)) return required;
    const refuse = (why: string): TransportError =>
      new TransportError(
        TransportErrorCode.CapabilityMissing,
        `Cannot answer -32042 (URL elicitation required): ${why}`,
        { method: 'elicitation/create' },
      );
    if (!this.#rules.elicitationModes)
      return refuse(`revision ${this.protocolVersion} has no URL-mode elicitation`);
    const missing = missingClientCapability('elicitation/create', URL_MODE, this.clientCapabilities);
    if (missing !== undefined) return refuse(`the client did not declare ${describeCapability(missing)}`);
    const pending = this.#core.urlElicitations;
    for (const { elicitationId } of required.elicitations) {
      if (!pending.claim(elicitationId, this)) return idInUse(elicitationId);
    }
    return required;
  }

  /** `notifications/elicitation/complete`, if this session's revision has it and the client declared URL mode. */
  async sendElicitationComplete(elicitationId: string): Promise<boolean> {
    if (getMethodSpec('notifications/elicitation/complete', this.protocolVersion) === undefined) return false;
    if (missingClientCapability('elicitation/create', URL_MODE, this.clientCapabilities) !== undefined)
      return false;
    await this.#engine.notify('notifications/elicitation/complete', { elicitationId });
    return true;
  }

  /** Connection-wide, once the client said it is ready, and only for lists declared `listChanged`. */
  listChanged(kind: ListKind): void {
    if (!this.initialized || this.#core.capabilities()[kind]?.listChanged !== true) return;
    this.#notify(`notifications/${kind}/list_changed`, undefined);
  }

  /** Only URIs this session subscribed to with `resources/subscribe`. */
  resourceUpdated(uri: string): void {
    if (this.#subscriptions.has(uri)) this.#notify('notifications/resources/updated', { uri });
  }

  /** Sends a log message not tied to a request, if the session's level lets it through. */
  log(params: JSONRPCParams): void {
    const index = levelIndex(params['level']);
    if (index !== undefined && index >= this.#level) this.#notify('notifications/message', params);
  }

  /** Fire and forget: a failed send (the connection just closed) is reported, never thrown at a registrar. */
  #notify(method: string, params: JSONRPCParams | undefined): void {
    this.#engine.notify(method, params).then(undefined, this.#core.report);
  }

  #setLevel(params: JSONRPCParams | undefined): JSONRPCParams {
    if (this.#core.capabilities().logging === undefined) throw methodNotFound('logging/setLevel');
    const parsed = parseParams('logging/setLevel', params, this.protocolVersion);
    if (!parsed.ok) throw new ProtocolError(ErrorCode.InvalidParams, parsed.error);
    this.#level = levelIndex(parsed.value.level) ?? 0;
    return {};
  }

  #subscribe(
    method: 'resources/subscribe' | 'resources/unsubscribe',
    params: JSONRPCParams | undefined,
  ): JSONRPCParams {
    if (this.#core.capabilities().resources?.subscribe !== true) throw methodNotFound(method);
    const parsed = parseParams(method, params, this.protocolVersion);
    if (!parsed.ok) throw new ProtocolError(ErrorCode.InvalidParams, parsed.error);
    // Any URI may be watched, even one a template serves only later; the set is bounded per connection.
    const uri = parsed.value.uri;
    checkUri(uri, this.#core.options, method);
    if (method === 'resources/unsubscribe') this.#subscriptions.delete(uri);
    else if (
      this.#subscriptions.size >= this.#core.options.maxSubscriptions &&
      !this.#subscriptions.has(uri)
    ) {
      throw new ProtocolError(
        ErrorCode.InternalError,
        `Too many subscriptions on this connection (limit ${this.#core.options.maxSubscriptions})`,
        { limit: { name: 'maxSubscriptions', value: this.#core.options.maxSubscriptions } },
      );
    } else this.#subscriptions.add(uri);
    return {};
  }
}

/** The error for a legacy-era request that arrives before `initialize` and carries no modern `_meta`. */
export function notInitialized(method: string): ProtocolError {
  return new ProtocolError(
    ErrorCode.InvalidParams,
    `Cannot serve "${excerptOf(method)}": the connection is not initialized (send initialize first), and the request ` +
      'carries no _meta["io.modelcontextprotocol/protocolVersion"] (required on every 2026-07-28 request)',
  );
}
