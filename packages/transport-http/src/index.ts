// Public API of @mcpwire/transport-http (Node entry). Filled in by the server and client modules.
export { decodeHeaderValue, encodeHeaderValue, headerStringOf } from './shared/header-values.js';
export { HeaderName } from './shared/mcp-headers.js';
export type { ParamHeader, ParamHeaderScan } from './shared/param-headers.js';
export { readParamValue, scanParamHeaders } from './shared/param-headers.js';
