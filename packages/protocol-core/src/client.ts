/**
 * `@mcpwire/protocol-core/client`: the dual-era MCP client and what only the client uses. A browser app
 * that connects to a server imports from here and carries no server code; the wire types and errors
 * come from the package root.
 * @example
 * import { McpClient } from '@mcpwire/protocol-core/client';
 *
 * const client = new McpClient({ name: 'my-app', version: '1.0.0' });
 * await client.connect(transport);
 * const { tools } = await client.listTools();
 */
export { McpClient } from './client/client.js';
export { ListCache } from './client/list-cache.js';
export type {
  ClientCallOptions,
  ClientEraOption,
  ClientHandlers,
  ClientListAllOptions,
  ClientListOptions,
  ElicitationHandler,
  InputContext,
  ListCacheOptions,
  McpClientOptions,
  RootsHandler,
  SamplingHandler,
} from './client/options.js';
export type {
  CallToolParams,
  ClientCallToolResult,
  ClientListParams,
  CompleteParams,
  GetPromptParams,
  ReadResourceParams,
} from './client/types.js';
export type { ListenEnd, ListenHandle, ListenOptions } from './client/listen.js';
export type { ListenCallbacks } from './client/notification-router.js';
export type { ListMethod } from './client/list-requests.js';
