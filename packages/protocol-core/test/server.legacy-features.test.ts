import { afterEach, describe, expect, it } from 'vitest';
import type { JSONRPCParams } from '../src/index.js';
import { fixtureServer } from './support/server-fixtures.js';
import { flush, ServerPeer, validatePeers } from './support/server-harness.js';

// What the server sent after a test's last awaited response is checked against the schema too.
afterEach(validatePeers);

async function ready(version = '2025-11-25', capabilities: JSONRPCParams = {}) {
  const { server, log } = fixtureServer();
  const peer = await ServerPeer.connect(server, version);
  await peer.initialize(version, capabilities);
  return { server, log, peer };
}

describe('McpServer, legacy era: tool errors follow each revision', () => {
  it('2025-11-25: invalid arguments are a tool execution error the model can read', async () => {
    const { peer } = await ready('2025-11-25');
    const result = await peer.result('tools/call', { name: 'echo', arguments: { text: 7 } });
    expect(result['isError']).toBe(true);
    expect(JSON.stringify(result['content'])).toMatch(/Invalid arguments for tool \\"echo\\": text/);
    expect(
      (await peer.result('tools/call', { name: 'echo', arguments: { text: 'fine' } }))['isError'],
    ).toBeUndefined();
  });

  it('2025-06-18: invalid arguments are a -32602 protocol error listing the issues', async () => {
    const { peer } = await ready('2025-06-18');
    const error = await peer.error('tools/call', { name: 'echo', arguments: {} });
    expect(error.code).toBe(-32602);
    expect(error.data).toEqual({ issues: [{ path: ['text'], message: expect.any(String) }] });
    expect(
      (await peer.result('tools/call', { name: 'echo', arguments: { text: 'fine' } }))['content'],
    ).toHaveLength(1);
  });

  it('answers an unknown tool -32602 in every revision', async () => {
    const { peer } = await ready('2025-11-25');
    expect(await peer.error('tools/call', { name: 'nope' })).toEqual({
      code: -32602,
      message: 'Unknown tool: nope',
    });
  });

  it('turns a handler that throws a plain Error into isError with its message, never its stack', async () => {
    const { peer } = await ready();
    const result = await peer.result('tools/call', { name: 'fail' });
    expect(result).toEqual({ content: [{ type: 'text', text: 'database unreachable' }], isError: true });
    expect(JSON.stringify(peer.sent)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers -32603 for output that breaks the outputSchema, reporting the details locally', async () => {
    const { peer, log } = await ready();
    const error = await peer.error('tools/call', { name: 'broken_output' });
    expect(error.code).toBe(-32603);
    expect(error.message).toMatch(/broken_output/);
    expect(log.errors.map((e) => e.message).join()).toMatch(/outputSchema.*\/?n/);
    expect(
      (await peer.result('tools/call', { name: 'add', arguments: { a: 1, b: 2 } }))['structuredContent'],
    ).toEqual({ sum: 3 });
  });

  it('answers a resource handler failure with a bare -32603 and reports the original', async () => {
    const { peer, log } = await ready();
    expect(await peer.error('resources/read', { uri: 'file:///broken' })).toEqual({
      code: -32603,
      message: 'Internal error',
    });
    expect(JSON.stringify(peer.sent)).not.toContain('/var/secret');
    expect(log.errors.map((e) => e.message)).toContain('disk on fire at /var/secret/path');
  });

  it('maps ResourceNotFoundError from a template handler to -32002', async () => {
    const { peer } = await ready();
    const error = await peer.error('resources/read', { uri: 'users://ghost/profile' });
    expect(error).toEqual({
      code: -32002,
      message: 'Resource not found',
      data: { uri: 'users://ghost/profile' },
    });
  });
});

describe('McpServer, legacy era: session utilities', () => {
  it('filters notifications/message by the level set with logging/setLevel', async () => {
    const { peer } = await ready();
    await peer.result('tools/call', { name: 'chatty' });
    expect(peer.notifications('notifications/message')).toHaveLength(4);
    await peer.result('logging/setLevel', { level: 'warning' });
    await peer.result('tools/call', { name: 'chatty' });
    const levels = peer.notifications('notifications/message').map((n) => n.params?.['level']);
    expect(levels.slice(4)).toEqual(['warning', 'error']);
    expect(
      peer.transport.sent.find((r) => r.message === peer.notifications('notifications/message')[4])?.options,
    ).toEqual({
      relatedRequestId: expect.anything(),
    });
    peer.validate();
  });

  it('broadcasts sendLoggingMessage to legacy sessions whose level lets it through', async () => {
    const { server, peer } = await ready();
    const quiet = await ServerPeer.connect(server, '2025-11-25');
    await quiet.initialize('2025-11-25');
    await quiet.result('logging/setLevel', { level: 'error' });
    server.sendLoggingMessage({ level: 'info', data: 'started', logger: 'boot' });
    await flush();
    expect(peer.notifications('notifications/message').map((n) => n.params)).toEqual([
      { level: 'info', data: 'started', logger: 'boot' },
    ]);
    expect(quiet.notifications('notifications/message')).toEqual([]);
  });

  it('sends notifications/resources/updated for subscribed URIs only, until unsubscribed', async () => {
    const { server, peer } = await ready();
    await peer.result('resources/subscribe', { uri: 'file:///readme.md' });
    server.sendResourceUpdated('file:///readme.md');
    server.sendResourceUpdated('file:///other');
    await flush();
    expect(peer.notifications('notifications/resources/updated').map((n) => n.params)).toEqual([
      { uri: 'file:///readme.md' },
    ]);
    await peer.result('resources/unsubscribe', { uri: 'file:///readme.md' });
    server.sendResourceUpdated('file:///readme.md');
    await flush();
    expect(peer.notifications('notifications/resources/updated')).toHaveLength(1);
    peer.validate();
  });

  it('aborts the handler signal on notifications/cancelled, sends no response, and keeps serving', async () => {
    const { peer, log } = await ready();
    const id = peer.send('tools/call', { name: 'slow' });
    await flush();
    expect(log.slowSignal?.aborted).toBe(false);
    peer.notify('notifications/cancelled', { requestId: id, reason: 'user gave up' });
    await flush();
    expect(log.slowSignal?.aborted).toBe(true);
    expect(peer.sent.some((m) => 'id' in m && m.id === id)).toBe(false);
    expect(await peer.result('ping')).toEqual({});
  });

  it('aborts running handlers when the connection closes', async () => {
    const { peer, log } = await ready();
    peer.send('tools/call', { name: 'slow' });
    await flush();
    await peer.connection.close();
    expect(log.slowSignal?.aborted).toBe(true);
  });

  it('sends progress with the request token, and none without one', async () => {
    const { peer } = await ready();
    await peer.result('tools/call', { name: 'progress', _meta: { progressToken: 'p-1' } });
    expect(peer.notifications('notifications/progress').map((n) => n.params)).toEqual([
      { progressToken: 'p-1', progress: 1, total: 2, message: 'half' },
      { progressToken: 'p-1', progress: 2, total: 2 },
    ]);
    await peer.result('tools/call', { name: 'progress' });
    expect(peer.notifications('notifications/progress')).toHaveLength(2);
    peer.validate();
  });
});

describe('McpServer, legacy era: input from the client through server requests', () => {
  it('elicits, then samples, in one handler: two requests to the client, answered in turn', async () => {
    const { peer, log } = await ready('2025-11-25', { elicitation: { form: {} }, sampling: {} });
    const id = peer.send('tools/call', { name: 'survey', arguments: { topic: 'tea' } });
    await flush();
    const [elicit] = peer.serverRequests('elicitation/create');
    expect(elicit?.params?.['message']).toBe('Your name, for the tea survey?');
    peer.respond(elicit!.id, { action: 'accept', content: { name: 'Ada' } });
    await flush();
    const [sample] = peer.serverRequests('sampling/createMessage');
    expect(sample?.params?.['messages']).toEqual([
      { role: 'user', content: { type: 'text', text: 'Greet Ada' } },
    ]);
    peer.respond(sample!.id, { role: 'assistant', content: { type: 'text', text: 'Hi Ada!' }, model: 'm' });
    const response = await peer.response(id);
    expect('result' in response && response.result['content']).toEqual([
      { type: 'text', text: 'Hi Ada! (tea)' },
    ]);
    expect(log.surveyRuns).toBe(1);
  });

  it('refuses input the client did not declare: the tool reports it, nothing is sent', async () => {
    const { peer } = await ready('2025-11-25', { sampling: {} });
    const result = await peer.result('tools/call', { name: 'survey', arguments: { topic: 'tea' } });
    expect(result['isError']).toBe(true);
    expect(JSON.stringify(result['content'])).toMatch(/did not declare elicitation\.form/);
    expect(peer.serverRequests()).toEqual([]);
  });

  it('sends URL-mode elicitation with a generated elicitationId (2025-11-25)', async () => {
    const { peer } = await ready('2025-11-25', { elicitation: { url: {} } });
    const id = peer.send('tools/call', { name: 'open_url' });
    await flush();
    const [request] = peer.serverRequests('elicitation/create');
    expect(request?.params).toMatchObject({
      mode: 'url',
      url: 'https://example.com/connect',
      elicitationId: expect.any(String),
    });
    peer.respond(request!.id, { action: 'accept' });
    const response = await peer.response(id);
    expect('result' in response && response.result['content']).toEqual([{ type: 'text', text: 'accept' }]);
  });

  it('refuses URL-mode elicitation in 2025-06-18, which has none, and drops `mode` from forms there', async () => {
    const { peer } = await ready('2025-06-18', { elicitation: {}, sampling: {} });
    const url = await peer.result('tools/call', { name: 'open_url' });
    expect(JSON.stringify(url['content'])).toMatch(/no URL-mode elicitation/);
    peer.send('tools/call', { name: 'survey', arguments: { topic: 'x' } });
    await flush();
    const [form] = peer.serverRequests('elicitation/create');
    expect(form?.params && 'mode' in form.params).toBe(false);
    peer.validate();
  });

  it('lists the client roots', async () => {
    const { peer } = await ready('2025-11-25', { roots: {} });
    const id = peer.send('tools/call', { name: 'roots' });
    await flush();
    const [request] = peer.serverRequests('roots/list');
    peer.respond(request!.id, { roots: [{ uri: 'file:///a' }, { uri: 'file:///b' }] });
    const response = await peer.response(id);
    expect('result' in response && response.result['content']).toEqual([
      { type: 'text', text: 'file:///a,file:///b' },
    ]);
  });
});
