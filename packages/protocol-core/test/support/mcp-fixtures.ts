/**
 * Representative, valid MCP messages for each revision, for tests: every one parses with our
 * registry and validates against that revision's official JSON schema (`types.roundtrip.test.ts`
 * checks both). Other suites may reuse them as known-good traffic.
 */
import { type JSONRPCMessage, type ModernRequestMeta, type ProtocolVersion, eraOf } from '../../src/index.js';

/** One message and what it should satisfy. */
export interface MessageFixture {
  /** A short, unique label. */
  name: string;
  kind: 'request' | 'notification' | 'response';
  method: string;
  message: JSONRPCMessage;
  /**
   * The official definition that the request or notification, or (for a response) its `result`,
   * must satisfy, e.g. `CallToolRequest` or `CallToolResult`.
   */
  definition: string;
}

/** A tiny valid PNG, base64. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** The `_meta` of a modern client request. */
export function modernMeta(extra?: Record<string, unknown>): ModernRequestMeta {
  return {
    'io.modelcontextprotocol/protocolVersion': '2026-07-28',
    'io.modelcontextprotocol/clientCapabilities': { sampling: {}, elicitation: { form: {} }, roots: {} },
    'io.modelcontextprotocol/clientInfo': { name: 'fixture-client', version: '1.0.0' },
    ...extra,
  };
}

const ORDER: readonly string[] = ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28'];

/** True when `revision` is `since` or newer. */
function atLeast(revision: ProtocolVersion, since: ProtocolVersion): boolean {
  return ORDER.indexOf(revision) >= ORDER.indexOf(since);
}

let nextId = 1;

function request(
  method: string,
  params: Record<string, unknown> | undefined,
  definition: string,
): MessageFixture {
  const message: JSONRPCMessage =
    params === undefined
      ? { jsonrpc: '2.0', id: nextId++, method }
      : { jsonrpc: '2.0', id: nextId++, method, params };
  return { name: `${method} request`, kind: 'request', method, message, definition };
}

function notification(
  method: string,
  params: Record<string, unknown> | undefined,
  definition: string,
): MessageFixture {
  const message: JSONRPCMessage =
    params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params };
  return { name: `${method} notification`, kind: 'notification', method, message, definition };
}

function response(
  method: string,
  result: Record<string, unknown>,
  definition: string,
  label = '',
): MessageFixture {
  return {
    name: `${method} result${label === '' ? '' : ` (${label})`}`,
    kind: 'response',
    method,
    message: { jsonrpc: '2.0', id: nextId++, result },
    definition,
  };
}

function tool(revision: ProtocolVersion): Record<string, unknown> {
  const base: Record<string, unknown> = {
    name: 'get_weather',
    description: 'Weather for a city',
    inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    // Extension members and free-form _meta must survive parsing.
    'com.example/category': 'weather',
    _meta: { 'com.example/owner': 'team-a' },
  };
  if (atLeast(revision, '2025-03-26')) base['annotations'] = { readOnlyHint: true, openWorldHint: true };
  if (atLeast(revision, '2025-06-18')) {
    base['title'] = 'Weather';
    base['outputSchema'] = { type: 'object', properties: { celsius: { type: 'number' } } };
  }
  if (atLeast(revision, '2025-11-25')) {
    base['icons'] = [{ src: 'https://example.com/sun.png', mimeType: 'image/png', sizes: ['48x48'] }];
  }
  if (revision === '2025-11-25') base['execution'] = { taskSupport: 'optional' };
  return base;
}

function toolContent(revision: ProtocolVersion): Record<string, unknown>[] {
  const blocks: Record<string, unknown>[] = [
    { type: 'text', text: 'Sunny, 22 C', 'com.example/lang': 'en' },
    {
      type: 'image',
      data: PNG_BASE64,
      mimeType: 'image/png',
      annotations: { audience: ['user'], priority: 0.5 },
    },
    { type: 'resource', resource: { uri: 'file:///weather.txt', mimeType: 'text/plain', text: 'sunny' } },
  ];
  if (atLeast(revision, '2025-03-26'))
    blocks.push({ type: 'audio', data: 'UklGRg==', mimeType: 'audio/wav' });
  if (atLeast(revision, '2025-06-18')) {
    blocks.push({ type: 'resource_link', uri: 'file:///forecast.json', name: 'forecast.json' });
  }
  return blocks;
}

/** Messages every legacy revision has. */
function legacy(revision: ProtocolVersion): MessageFixture[] {
  const fixtures: MessageFixture[] = [
    request(
      'initialize',
      {
        protocolVersion: revision,
        capabilities: { roots: { listChanged: true }, sampling: {} },
        clientInfo: { name: 'fixture-client', version: '1.0.0' },
      },
      'InitializeRequest',
    ),
    response(
      'initialize',
      {
        protocolVersion: revision,
        capabilities: {
          tools: { listChanged: true },
          resources: { subscribe: true },
          prompts: {},
          logging: {},
        },
        serverInfo: { name: 'fixture-server', version: '2.0.0' },
        instructions: 'Ask about the weather.',
      },
      'InitializeResult',
    ),
    notification('notifications/initialized', undefined, 'InitializedNotification'),
    request('ping', undefined, 'PingRequest'),
    response('ping', {}, 'EmptyResult'),
    request('tools/list', { cursor: 'page-2' }, 'ListToolsRequest'),
    response('tools/list', { tools: [tool(revision)], nextCursor: 'page-3' }, 'ListToolsResult'),
    request(
      'tools/call',
      { name: 'get_weather', arguments: { city: 'Paris' }, _meta: { progressToken: 'p1' } },
      'CallToolRequest',
    ),
    response(
      'tools/call',
      atLeast(revision, '2025-06-18')
        ? { content: toolContent(revision), structuredContent: { celsius: 22 }, isError: false }
        : { content: toolContent(revision), isError: false },
      'CallToolResult',
    ),
    request('resources/list', undefined, 'ListResourcesRequest'),
    response(
      'resources/list',
      { resources: [{ uri: 'file:///a.txt', name: 'a.txt', mimeType: 'text/plain', size: 5 }] },
      'ListResourcesResult',
    ),
    response(
      'resources/templates/list',
      { resourceTemplates: [{ uriTemplate: 'file:///{path}', name: 'files' }] },
      'ListResourceTemplatesResult',
    ),
    request('resources/read', { uri: 'file:///a.txt' }, 'ReadResourceRequest'),
    response(
      'resources/read',
      {
        contents: [
          { uri: 'file:///a.txt', mimeType: 'text/plain', text: 'hello' },
          { uri: 'file:///a.png', mimeType: 'image/png', blob: PNG_BASE64 },
        ],
      },
      'ReadResourceResult',
    ),
    request('resources/subscribe', { uri: 'file:///a.txt' }, 'SubscribeRequest'),
    notification('notifications/resources/updated', { uri: 'file:///a.txt' }, 'ResourceUpdatedNotification'),
    request('prompts/get', { name: 'review', arguments: { code: 'x = 1' } }, 'GetPromptRequest'),
    response(
      'prompts/list',
      { prompts: [{ name: 'review', arguments: [{ name: 'code', required: true }] }] },
      'ListPromptsResult',
    ),
    response(
      'prompts/get',
      {
        description: 'Review',
        messages: [{ role: 'user', content: { type: 'text', text: 'Review x = 1' } }],
      },
      'GetPromptResult',
    ),
    request(
      'completion/complete',
      { ref: { type: 'ref/prompt', name: 'review' }, argument: { name: 'language', value: 'py' } },
      'CompleteRequest',
    ),
    response(
      'completion/complete',
      { completion: { values: ['python'], total: 1, hasMore: false } },
      'CompleteResult',
    ),
    request('logging/setLevel', { level: 'warning' }, 'SetLevelRequest'),
    notification(
      'notifications/message',
      { level: 'error', logger: 'db', data: { error: 'down' } },
      'LoggingMessageNotification',
    ),
    notification(
      'notifications/progress',
      atLeast(revision, '2025-03-26')
        ? { progressToken: 'p1', progress: 50, total: 100, message: 'half way' }
        : { progressToken: 'p1', progress: 50, total: 100 },
      'ProgressNotification',
    ),
    notification('notifications/cancelled', { requestId: 7, reason: 'user' }, 'CancelledNotification'),
    notification('notifications/tools/list_changed', undefined, 'ToolListChangedNotification'),
    notification('notifications/roots/list_changed', undefined, 'RootsListChangedNotification'),
    request('roots/list', undefined, 'ListRootsRequest'),
    response(
      'roots/list',
      { roots: [{ uri: 'file:///home/me/project', name: 'project' }] },
      'ListRootsResult',
    ),
    request(
      'sampling/createMessage',
      {
        messages: [{ role: 'user', content: { type: 'text', text: 'Capital of France?' } }],
        maxTokens: 100,
        modelPreferences: { hints: [{ name: 'claude' }], speedPriority: 0.5 },
        includeContext: 'none',
      },
      'CreateMessageRequest',
    ),
    response(
      'sampling/createMessage',
      { role: 'assistant', content: { type: 'text', text: 'Paris' }, model: 'm-1', stopReason: 'endTurn' },
      'CreateMessageResult',
    ),
  ];
  if (atLeast(revision, '2025-06-18')) {
    fixtures.push(
      request(
        'elicitation/create',
        {
          message: 'Your name?',
          requestedSchema: {
            type: 'object',
            properties: { name: { type: 'string', minLength: 1 }, age: { type: 'integer', minimum: 0 } },
            required: ['name'],
          },
        },
        'ElicitRequest',
      ),
      response('elicitation/create', { action: 'accept', content: { name: 'Ada', age: 36 } }, 'ElicitResult'),
    );
  }
  if (revision === '2025-11-25') fixtures.push(...tasksEra());
  return fixtures;
}

/** 2025-11-25 only: tasks, URL-mode elicitation, sampling with tools. */
function tasksEra(): MessageFixture[] {
  const task = {
    taskId: 't-1',
    status: 'working',
    createdAt: '2025-11-25T10:00:00Z',
    lastUpdatedAt: '2025-11-25T10:00:01Z',
    ttl: 60000,
    pollInterval: 1000,
  };
  return [
    request('tools/call', { name: 'get_weather', arguments: {}, task: { ttl: 60000 } }, 'CallToolRequest'),
    response('tools/call', { task }, 'CreateTaskResult', 'task'),
    request('tasks/get', { taskId: 't-1' }, 'GetTaskRequest'),
    response('tasks/get', task, 'GetTaskResult'),
    response('tasks/list', { tasks: [task] }, 'ListTasksResult'),
    notification('notifications/tasks/status', { ...task, status: 'completed' }, 'TaskStatusNotification'),
    request(
      'elicitation/create',
      { mode: 'url', message: 'Sign in', url: 'https://example.com/login', elicitationId: 'e-1' },
      'ElicitRequest',
    ),
    notification(
      'notifications/elicitation/complete',
      { elicitationId: 'e-1' },
      'ElicitationCompleteNotification',
    ),
    notification('notifications/cancelled', { reason: 'no id in 2025-11-25' }, 'CancelledNotification'),
    request(
      'sampling/createMessage',
      {
        messages: [
          { role: 'user', content: { type: 'text', text: 'Weather in Paris?' } },
          {
            role: 'assistant',
            content: [{ type: 'tool_use', id: 'c1', name: 'get_weather', input: { city: 'Paris' } }],
          },
          {
            role: 'user',
            content: [{ type: 'tool_result', toolUseId: 'c1', content: [{ type: 'text', text: '22 C' }] }],
          },
        ],
        tools: [tool('2025-11-25')],
        toolChoice: { mode: 'auto' },
        maxTokens: 200,
      },
      'CreateMessageRequest',
    ),
  ];
}

/** 2026-07-28: stateless requests with `_meta`, discover, MRTR, subscriptions, cacheable lists. */
function modern(): MessageFixture[] {
  const cache = { ttlMs: 60000, cacheScope: 'public' };
  const serverInfo = { 'io.modelcontextprotocol/serverInfo': { name: 'fixture-server', version: '2.0.0' } };
  const elicit = {
    method: 'elicitation/create',
    params: {
      mode: 'form',
      message: 'Name?',
      requestedSchema: { type: 'object', properties: { n: { type: 'string' } } },
    },
  };
  return [
    request('server/discover', { _meta: modernMeta() }, 'DiscoverRequest'),
    response(
      'server/discover',
      {
        resultType: 'complete',
        supportedVersions: ['2026-07-28', '2025-11-25'],
        capabilities: { tools: { listChanged: true }, resources: {}, extensions: { 'com.example/x': {} } },
        instructions: 'Ask about the weather.',
        _meta: serverInfo,
        ...cache,
      },
      'DiscoverResult',
    ),
    request('tools/list', { _meta: modernMeta(), cursor: 'c2' }, 'ListToolsRequest'),
    response(
      'tools/list',
      { resultType: 'complete', tools: [tool('2026-07-28')], ...cache },
      'ListToolsResult',
    ),
    request(
      'tools/call',
      { _meta: modernMeta({ progressToken: 5 }), name: 'get_weather', arguments: {} },
      'CallToolRequest',
    ),
    response(
      'tools/call',
      {
        resultType: 'input_required',
        inputRequests: { who: elicit, roots: { method: 'roots/list' } },
        requestState: 's1',
      },
      'InputRequiredResult',
      'input required',
    ),
    request(
      'tools/call',
      {
        _meta: modernMeta(),
        name: 'get_weather',
        arguments: {},
        inputResponses: { who: { action: 'accept', content: { n: 'Ada' } }, roots: { roots: [] } },
        requestState: 's1',
      },
      'CallToolRequest',
    ),
    response(
      'tools/call',
      {
        resultType: 'complete',
        content: toolContent('2026-07-28'),
        structuredContent: [1, 2],
        _meta: serverInfo,
      },
      'CallToolResult',
    ),
    request('resources/read', { _meta: modernMeta(), uri: 'file:///a.txt' }, 'ReadResourceRequest'),
    response(
      'resources/read',
      { resultType: 'complete', contents: [{ uri: 'file:///a.txt', text: 'hi' }], ...cache },
      'ReadResourceResult',
    ),
    response(
      'resources/list',
      { resultType: 'complete', resources: [{ uri: 'file:///a.txt', name: 'a' }], ...cache },
      'ListResourcesResult',
    ),
    response(
      'prompts/list',
      { resultType: 'complete', prompts: [{ name: 'review' }], ...cache },
      'ListPromptsResult',
    ),
    request(
      'prompts/get',
      { _meta: modernMeta(), name: 'review', arguments: { code: 'x' } },
      'GetPromptRequest',
    ),
    response(
      'prompts/get',
      { resultType: 'complete', messages: [{ role: 'user', content: { type: 'text', text: 'x' } }] },
      'GetPromptResult',
    ),
    request(
      'completion/complete',
      {
        _meta: modernMeta(),
        ref: { type: 'ref/resource', uri: 'file:///{path}' },
        argument: { name: 'path', value: 'a' },
      },
      'CompleteRequest',
    ),
    response(
      'completion/complete',
      { resultType: 'complete', completion: { values: ['a.txt'] } },
      'CompleteResult',
    ),
    request(
      'subscriptions/listen',
      {
        _meta: modernMeta(),
        notifications: { toolsListChanged: true, resourceSubscriptions: ['file:///a.txt'] },
      },
      'SubscriptionsListenRequest',
    ),
    notification(
      'notifications/subscriptions/acknowledged',
      { _meta: { 'io.modelcontextprotocol/subscriptionId': 3 }, notifications: { toolsListChanged: true } },
      'SubscriptionsAcknowledgedNotification',
    ),
    notification(
      'notifications/tools/list_changed',
      { _meta: { 'io.modelcontextprotocol/subscriptionId': 3 } },
      'ToolListChangedNotification',
    ),
    response(
      'subscriptions/listen',
      { resultType: 'complete', _meta: { 'io.modelcontextprotocol/subscriptionId': 3 } },
      'SubscriptionsListenResult',
    ),
    notification(
      'notifications/progress',
      { progressToken: 5, progress: 1, total: 2 },
      'ProgressNotification',
    ),
    notification('notifications/message', { level: 'info', data: null }, 'LoggingMessageNotification'),
    notification('notifications/cancelled', { requestId: 9 }, 'CancelledNotification'),
  ];
}

/** Representative valid messages of one revision. */
export function fixturesFor(revision: ProtocolVersion): MessageFixture[] {
  return eraOf(revision) === 'modern' ? modern() : legacy(revision);
}
