// x-mcp-header on the client: tools learnt from tools/list results, Mcp-Param-* headers on tools/call,
// invalid tools removed from the result handed up, and one re-list + retry after a HeaderMismatch.
import {
  ErrorCode,
  type JSONRPCResultResponse,
  TransportError,
  TransportErrorCode,
} from '@mcpwire/protocol-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { ToolRejection } from '../src/index.js';
import { json, modernRequest, type Recorded, result, rpcError } from './client-support/fake-server.js';
import { Harness } from './client-support/harness.js';

const h = new Harness();
afterEach(() => h.dispose());

const b64 = (text: string): string => `=?base64?${Buffer.from(text).toString('base64')}?=`;

const annotated = {
  name: 'query',
  inputSchema: {
    type: 'object',
    properties: {
      region: { type: 'string', 'x-mcp-header': 'Region' },
      limit: { type: 'integer', 'x-mcp-header': 'Limit' },
      dry: { type: 'boolean', 'x-mcp-header': 'Dry-Run' },
      note: { type: ['string', 'null'], 'x-mcp-header': 'Note' },
      target: {
        type: 'object',
        properties: {
          zone: { type: 'object', properties: { id: { type: 'string', 'x-mcp-header': 'Zone' } } },
        },
      },
      sql: { type: 'string' },
    },
  },
};

function listAnswer(req: Recorded, tools: unknown[]): unknown {
  return result(req, { resultType: 'complete', ttlMs: 0, cacheScope: 'private', tools });
}

function paramHeaders(request: Recorded | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(request?.headers ?? {}).filter(([name]) => name.startsWith('mcp-param-')),
  );
}

describe('Mcp-Param headers', () => {
  it('mirrors annotated arguments: nested paths, integers, booleans, Base64 for unsafe values', async () => {
    const { server, transport } = await h.open((req, res) => {
      if (req.body.method === 'tools/list') json(res, listAnswer(req, [annotated]));
      else json(res, result(req, { content: [] }));
    });
    await transport.send(modernRequest(1, 'tools/list'));
    await transport.send(
      modernRequest(2, 'tools/call', {
        name: 'query',
        arguments: {
          region: 'eu-west',
          limit: 42,
          dry: false,
          note: 'Grüße ',
          target: { zone: { id: 'z1' } },
          sql: 'x',
        },
      }),
    );
    expect(paramHeaders(server.posts()[1])).toEqual({
      'mcp-param-region': 'eu-west',
      'mcp-param-limit': '42',
      'mcp-param-dry-run': 'false',
      'mcp-param-note': b64('Grüße '),
      'mcp-param-zone': 'z1',
    });
  });

  it('omits the header of a null, absent or non-primitive value, and of an unknown tool', async () => {
    const { server, transport } = await h.open((req, res) => {
      if (req.body.method === 'tools/list') json(res, listAnswer(req, [annotated]));
      else json(res, result(req, { content: [] }));
    });
    await transport.send(modernRequest(1, 'tools/list'));
    await transport.send(
      modernRequest(2, 'tools/call', {
        name: 'query',
        arguments: { region: '', note: null, target: { zone: null }, limit: 1.5 },
      }),
    );
    await transport.send(modernRequest(3, 'tools/call', { name: 'unknown', arguments: { region: 'x' } }));
    expect(paramHeaders(server.posts()[1])).toEqual({ 'mcp-param-region': '' });
    expect(paramHeaders(server.posts()[2])).toEqual({});
  });
});

describe('invalid x-mcp-header annotations', () => {
  const invalid = [
    {
      name: 'empty',
      inputSchema: { type: 'object', properties: { v: { type: 'string', 'x-mcp-header': '' } } },
    },
    {
      name: 'object',
      inputSchema: { type: 'object', properties: { v: { type: 'object', 'x-mcp-header': 'V' } } },
    },
    {
      name: 'duplicate',
      inputSchema: {
        type: 'object',
        properties: {
          a: { type: 'string', 'x-mcp-header': 'Id' },
          b: { type: 'string', 'x-mcp-header': 'id' },
        },
      },
    },
    {
      name: 'space',
      inputSchema: { type: 'object', properties: { v: { type: 'string', 'x-mcp-header': 'A B' } } },
    },
    {
      name: 'in-items',
      inputSchema: {
        type: 'object',
        properties: { v: { type: 'array', items: { type: 'string', 'x-mcp-header': 'V' } } },
      },
    },
  ];

  it('removes the tools from the tools/list result and reports each once', async () => {
    const rejected: ToolRejection[] = [];
    const { transport, recorder } = await h.open(
      (req, res) =>
        json(
          res,
          listAnswer(req, [annotated, ...invalid, { name: 'plain', inputSchema: { type: 'object' } }]),
        ),
      { onToolRejected: (rejection) => rejected.push(rejection) },
    );
    await transport.send(modernRequest(1, 'tools/list'));
    const delivered = recorder.messages[0] as JSONRPCResultResponse;
    expect((delivered.result['tools'] as { name: string }[]).map((tool) => tool.name)).toEqual([
      'query',
      'plain',
    ]);
    expect(delivered.result).toMatchObject({ ttlMs: 0, cacheScope: 'private' });
    expect(rejected.map((r) => r.name)).toEqual(['empty', 'object', 'duplicate', 'space', 'in-items']);
    expect(rejected.every((r) => r.reason.length > 0)).toBe(true);
    expect(recorder.errors).toEqual([]);
  });

  it('warns through onerror when no onToolRejected is given', async () => {
    const { transport, recorder } = await h.open((req, res) => json(res, listAnswer(req, [invalid[0]])));
    await transport.send(modernRequest(1, 'tools/list'));
    expect(recorder.errors).toHaveLength(1);
    expect(recorder.errors[0]).toBeInstanceOf(TransportError);
    expect((recorder.errors[0] as TransportError).code).toBe(TransportErrorCode.InvalidMessage);
    expect(recorder.errors[0]?.message).toContain('"empty"');
  });

  it('leaves legacy tools/list results alone', async () => {
    const { transport, recorder } = await h.open((req, res) => json(res, result(req, { tools: invalid })));
    await transport.send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(((recorder.messages[0] as JSONRPCResultResponse).result['tools'] as unknown[]).length).toBe(
      invalid.length,
    );
  });
});

describe('HeaderMismatch', () => {
  it('re-lists the tools once and retries the call with the new headers', async () => {
    let listing = 0;
    const { server, transport, recorder } = await h.open((req, res) => {
      if (req.body.method === 'tools/list') {
        listing++;
        // The first listing has no annotation; the server has since added one.
        const schema =
          listing === 1
            ? { type: 'object', properties: { region: { type: 'string' } } }
            : { type: 'object', properties: { region: { type: 'string', 'x-mcp-header': 'Region' } } };
        json(res, listAnswer(req, [{ name: 'query', inputSchema: schema }]));
      } else if (req.headers['mcp-param-region'] === undefined) {
        json(res, rpcError(req.body.id, ErrorCode.HeaderMismatch, 'Mcp-Param-Region missing'), 400);
      } else json(res, result(req, { content: [] }));
    });
    await transport.send(modernRequest(1, 'tools/list'));
    await transport.send(modernRequest(2, 'tools/call', { name: 'query', arguments: { region: 'us' } }));
    const methods = server.posts().map((r) => `${r.body.method}#${r.body.id}`);
    expect(methods).toEqual(['tools/list#1', 'tools/call#2', 'tools/list#mcpwire-relist-1', 'tools/call#2']);
    expect(server.posts()[3]?.headers['mcp-param-region']).toBe('us');
    expect(recorder.messages.at(-1)).toEqual({ jsonrpc: '2.0', id: 2, result: { content: [] } });
    // The internal listing is not handed up.
    expect(recorder.messages).toHaveLength(2);
  });

  it('delivers the error when the re-listing does not list the tool', async () => {
    const { server, transport, recorder } = await h.open((req, res) => {
      if (req.body.method === 'tools/list') json(res, listAnswer(req, []));
      else json(res, rpcError(req.body.id, ErrorCode.HeaderMismatch, 'mismatch'), 400);
    });
    await transport.send(modernRequest(1, 'tools/call', { name: 'gone', arguments: {} }));
    expect(server.posts()).toHaveLength(2);
    expect(recorder.messages).toEqual([rpcError(1, ErrorCode.HeaderMismatch, 'mismatch')]);
  });
});
