/**
 * The MCP revisions this package speaks, their eras, and the reserved `_meta` keys of the modern era.
 * Era rules live here, once: callers ask `eraOf(version)` instead of comparing dates.
 */

/** 2024-11-05: the first published revision (legacy era). */
export const PROTOCOL_VERSION_2024_11_05 = '2024-11-05' as const;
/** 2025-03-26: Streamable HTTP, audio content, tool annotations (legacy era). */
export const PROTOCOL_VERSION_2025_03_26 = '2025-03-26' as const;
/** 2025-06-18: elicitation, structured tool output, resource links (legacy era). */
export const PROTOCOL_VERSION_2025_06_18 = '2025-06-18' as const;
/** 2025-11-25: tasks, URL-mode elicitation, sampling with tools, icons (legacy era, the last one). */
export const PROTOCOL_VERSION_2025_11_25 = '2025-11-25' as const;
/** 2026-07-28: stateless requests, `server/discover`, multi round-trip requests (modern era). */
export const PROTOCOL_VERSION_2026_07_28 = '2026-07-28' as const;

/** Every supported revision, newest first: the order of preference when negotiating. */
export const SUPPORTED_PROTOCOL_VERSIONS = [
  '2026-07-28',
  '2025-11-25',
  '2025-06-18',
  '2025-03-26',
  '2024-11-05',
] as const;

/** One of the revisions this package supports. */
export type ProtocolVersion = (typeof SUPPORTED_PROTOCOL_VERSIONS)[number];

/** The two eras of MCP: `legacy` has the `initialize` handshake, `modern` is stateless. */
export type ProtocolEra = 'legacy' | 'modern';

/** The newest revision. */
export const LATEST_PROTOCOL_VERSION = '2026-07-28' as const;

/** The newest revision of the legacy era: what a client offers in `initialize`. */
export const LATEST_LEGACY_PROTOCOL_VERSION = '2025-11-25' as const;

/** The legacy-era revisions (initialize handshake, sessions), newest first. */
export const LEGACY_PROTOCOL_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'] as const;

/** The modern-era revisions (per-request `_meta`, no handshake), newest first. */
export const MODERN_PROTOCOL_VERSIONS = ['2026-07-28'] as const;

const LEGACY: ReadonlySet<string> = new Set<string>(LEGACY_PROTOCOL_VERSIONS);
const MODERN: ReadonlySet<string> = new Set<string>(MODERN_PROTOCOL_VERSIONS);

/** True when `version` is a revision this package supports. */
export function isSupportedProtocolVersion(version: unknown): version is ProtocolVersion {
  return typeof version === 'string' && (LEGACY.has(version) || MODERN.has(version));
}

/** The era of a supported revision, or `undefined` for an unknown one. */
export function eraOf(version: string): ProtocolEra | undefined {
  if (MODERN.has(version)) return 'modern';
  if (LEGACY.has(version)) return 'legacy';
  return undefined;
}

/**
 * Reserved `_meta` keys. The `io.modelcontextprotocol/*` ones belong to the modern era (2026-07-28):
 * every client request carries protocol version, capabilities and (should) client info in `_meta`.
 */
export const MetaKey = {
  /** Opts a request into progress notifications (every revision). */
  ProgressToken: 'progressToken',
  /** The protocol version of this request (required on modern requests). */
  ProtocolVersion: 'io.modelcontextprotocol/protocolVersion',
  /** The client capabilities relevant to this request (required on modern requests). */
  ClientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
  /** The client's name and version (modern requests SHOULD carry it). */
  ClientInfo: 'io.modelcontextprotocol/clientInfo',
  /** The minimum log level the server should emit for this request (modern). */
  LogLevel: 'io.modelcontextprotocol/logLevel',
  /** The server's name and version, in a result's `_meta` (modern). */
  ServerInfo: 'io.modelcontextprotocol/serverInfo',
  /** Correlates a notification with its `subscriptions/listen` request (modern). */
  SubscriptionId: 'io.modelcontextprotocol/subscriptionId',
  /** Ties a message to a task (2025-11-25). */
  RelatedTask: 'io.modelcontextprotocol/related-task',
} as const;

/** One of the {@link MetaKey} values. */
export type MetaKeyValue = (typeof MetaKey)[keyof typeof MetaKey];
