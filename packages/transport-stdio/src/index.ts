// Public API of @mcpwire/transport-stdio: explicit named exports only.
export { StdioClientTransport, createStdioClientTransport } from './client-transport.js';
export type { StdioClientTransportOptions } from './client-transport.js';
export { StdioServerTransport, createStdioServerTransport } from './server-transport.js';
export type { StdioServerTransportOptions } from './server-transport.js';
export { StdioStreamTransport, createStdioStreamTransport } from './stream-transport.js';
export type { StdioStreamTransportOptions } from './stream-transport.js';
export { DEFAULT_INHERITED_ENV_VARS, getDefaultEnvironment } from './environment.js';
