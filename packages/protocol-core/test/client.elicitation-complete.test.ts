/**
 * `client.onElicitationComplete`: the 2025-11-25 completion of URL-mode elicitations. Only ids the
 * client was given (by an accepted URL `elicitation/create`, or in a -32042 error) are delivered,
 * each once, as the spec asks; then end to end with our server, which completes a -32042 flow.
 */
import { describe, expect, it } from 'vitest';
import type { ElicitationHandler } from '../src/client/options.js';
import type { ElicitationCompleteNotificationParams } from '../src/index.js';
import { McpClient, McpServer, ProtocolError, UrlElicitationRequiredError } from '../src/index.js';
import { connectedClient, fakeServer, flush } from './support/client-fake-server.js';
import { assertClientTraffic, requestMethods } from './support/client-wire.js';
import { FakeClock } from './support/fake-clock.js';
import { createFakePair } from './support/fake-transport.js';

const URL_PARAMS = { mode: 'url', message: 'Sign in', url: 'https://example.com/login' };

async function legacyClient(elicitation: ElicitationHandler) {
  const server = await fakeServer({
    kind: 'legacy',
    legacyVersions: ['2025-11-25'],
    handlers: {
      'tools/call': () => {
        throw new ProtocolError(-32042, 'URL elicitation required', {
          elicitations: [{ ...URL_PARAMS, elicitationId: 'from-error' }],
        });
      },
    },
  });
  const client = await connectedClient(server, {
    handlers: { elicitation },
    capabilities: { elicitation: { url: {} } },
  });
  const completed: ElicitationCompleteNotificationParams[] = [];
  client.onElicitationComplete((params) => completed.push(params));
  const errors: Error[] = [];
  client.onerror = (error) => errors.push(error);
  /** The server sends a completion and lets it arrive. */
  const complete = async (params: unknown) => {
    await server.engine.notify('notifications/elicitation/complete', params as never);
    await flush();
  };
  return { server, client, completed, errors, complete };
}

describe('McpClient: notifications/elicitation/complete (2025-11-25)', () => {
  it('delivers the completion of an accepted URL elicitation once, and ignores unknown ids', async () => {
    const { server, completed, complete } = await legacyClient(() => ({ action: 'accept' }));
    expect(
      await server.engine.request('elicitation/create', { ...URL_PARAMS, elicitationId: 'e-1' }),
    ).toEqual({ action: 'accept' });
    await complete({ elicitationId: 'unknown' });
    await complete({ elicitationId: 'e-1' });
    await complete({ elicitationId: 'e-1' });
    expect(completed).toEqual([{ elicitationId: 'e-1' }]);
    assertClientTraffic('2025-11-25', server.sent(), requestMethods(server.serverTransport.messages));
  });

  it('delivers a completion that arrives while the handler is still open, and ignores declined ids', async () => {
    let release: (() => void) | undefined;
    const { server, completed, complete } = await legacyClient((params) =>
      params.mode === 'url' && params.elicitationId === 'slow'
        ? new Promise((resolve) => {
            release = () => resolve({ action: 'accept' });
          })
        : { action: 'decline' },
    );
    const pending = server.engine.request('elicitation/create', { ...URL_PARAMS, elicitationId: 'slow' });
    await flush();
    await complete({ elicitationId: 'slow' });
    release?.();
    await pending;
    await server.engine.request('elicitation/create', { ...URL_PARAMS, elicitationId: 'declined' });
    await complete({ elicitationId: 'declined' });
    expect(completed).toEqual([{ elicitationId: 'slow' }]);
  });

  it('learns the ids of a -32042 error, so their completion is delivered', async () => {
    const { client, completed, complete } = await legacyClient(() => ({ action: 'accept' }));
    const error = await client.callTool({ name: 'anything' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: -32042 });
    await complete({ elicitationId: 'from-error' });
    expect(completed).toEqual([{ elicitationId: 'from-error' }]);
  });

  it('reports a malformed completion and delivers nothing', async () => {
    const { completed, errors, complete } = await legacyClient(() => ({ action: 'accept' }));
    await complete({ id: 'e-1' });
    expect(completed).toEqual([]);
    expect(errors.map((e) => e.message).join()).toMatch(/malformed notifications\/elicitation\/complete/);
  });

  it('stops calling a removed listener, and forgets ids on reconnect', async () => {
    const { server, client, completed, complete } = await legacyClient(() => ({ action: 'accept' }));
    const other: string[] = [];
    const remove = client.onElicitationComplete((params) => other.push(params.elicitationId));
    await server.engine.request('elicitation/create', { ...URL_PARAMS, elicitationId: 'a' });
    await server.engine.request('elicitation/create', { ...URL_PARAMS, elicitationId: 'b' });
    remove();
    await complete({ elicitationId: 'a' });
    expect(completed.map((p) => p.elicitationId)).toEqual(['a']);
    expect(other).toEqual([]);
    await client.close();
    const next = await fakeServer({ kind: 'legacy', legacyVersions: ['2025-11-25'] });
    await client.connect(next.clientTransport);
    await next.engine.notify('notifications/elicitation/complete', { elicitationId: 'b' });
    await flush();
    expect(completed.map((p) => p.elicitationId)).toEqual(['a']);
  });
});

describe('McpClient against McpServer: a -32042 flow, completed out of band', () => {
  it('rejects with -32042, is told of the completion, and the retry succeeds', async () => {
    const clock = new FakeClock();
    const server = new McpServer({ name: 'e2e', version: '1' }, { supportedVersions: ['2025-11-25'] });
    let connected = false;
    let flow: string | undefined;
    server.registerTool('files', {}, () => {
      if (connected) return { content: [{ type: 'text', text: 'your files' }] };
      const required = new UrlElicitationRequiredError([
        { mode: 'url', message: 'Connect Example Co', url: 'https://example.com/connect' },
      ]);
      flow = required.elicitations[0]!.elicitationId;
      throw required;
    });
    const [clientTransport, serverTransport] = createFakePair();
    await server.connect(serverTransport);
    const client = new McpClient(
      { name: 'e2e-client', version: '1' },
      { capabilities: { elicitation: { url: {} } }, engine: { timers: clock } },
    );
    await client.connect(clientTransport);
    const retried = new Promise<string>((resolve) => {
      client.onElicitationComplete(async ({ elicitationId }) => {
        const again = await client.callTool({ name: 'files' });
        resolve(`${elicitationId}: ${JSON.stringify(again.content)}`);
      });
    });
    const error = await client.callTool({ name: 'files' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: -32042, data: { elicitations: [{ elicitationId: flow }] } });
    // The user finishes in the browser; the server's callback route marks the account connected.
    connected = true;
    expect(await server.completeElicitation(flow!)).toBe(true);
    expect(await retried).toBe(`${flow}: [{"type":"text","text":"your files"}]`);
    assertClientTraffic('2025-11-25', clientTransport.messages);
    await client.close();
  });
});
