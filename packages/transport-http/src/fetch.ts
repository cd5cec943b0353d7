// Public API of @mcpwire/transport-http/fetch: the runtime-neutral subset (no `node:` imports, no undici).
export { decodeHeaderValue, encodeHeaderValue, headerStringOf } from './shared/header-values.js';
export { HeaderName } from './shared/mcp-headers.js';
export type { ParamHeader, ParamHeaderScan } from './shared/param-headers.js';
export { readParamValue, scanParamHeaders } from './shared/param-headers.js';
