/**
 * `@mcpwire/protocol-core/server`: the dual-era MCP server and what only the server uses (its errors,
 * registration types, RFC 6570 URI templates). The wire types and errors come from the package root.
 * @example
 * import { McpServer } from '@mcpwire/protocol-core/server';
 * import * as z from 'zod';
 *
 * const server = new McpServer({ name: 'my-server', version: '1.0.0' });
 * server.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
 *   content: [{ type: 'text', text }],
 * }));
 */
export { McpServer } from './server/mcp-server.js';
export { ResourceNotFoundError } from './server/features/resources.js';
export { UrlElicitationRequiredError } from './server/url-elicitation-error.js';
export type { RequiredUrlElicitation } from './server/url-elicitation-error.js';
export type {
  BaseContext,
  CacheableMethod,
  Completer,
  CompletionContext,
  ElicitOptions,
  InferPromptArgs,
  InferSchema,
  InputOptions,
  JsonSchemaObject,
  McpServerOptions,
  ModernRequestContext,
  PromptArgsSource,
  PromptConfig,
  PromptHandler,
  PromptResult,
  RegisteredPrompt,
  RegisteredResource,
  RegisteredResourceTemplate,
  RegisteredTool,
  ResourceHandler,
  ResourceMetadata,
  ResourceReadResult,
  ResourceTemplateHandler,
  ResourceTemplateMetadata,
  ResourceTemplateOptions,
  SchemaSource,
  ServerConnection,
  ServerContext,
  TemplateVariables,
  ToolConfig,
  ToolHandler,
  ToolResult,
  ToolUpdate,
} from './server/types.js';

// RFC 6570 URI templates, which resource templates are written in.
export { UriTemplate, isUriTemplate } from './uri-template.js';
export type { UriTemplateOptions, UriTemplateValue } from './uri-template.js';
