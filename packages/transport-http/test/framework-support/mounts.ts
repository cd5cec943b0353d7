/**
 * The handlers mounted the way the README tells users to: Express (with and without `express.json()`),
 * Fastify (its JSON parser, then `reply.hijack()`), Hono over @hono/node-server, and Hono's
 * `app.request()` with no socket at all. Each listens on 127.0.0.1, port 0.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { McpServer } from '@mcpwire/protocol-core';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { createStreamableHttpWebHandler } from '../../src/fetch.js';
import {
  createStreamableHttpHandler,
  type StreamableHttpServerOptions,
  type StreamableHttpServerStats,
} from '../../src/index.js';

/** What a test asks of a mount. */
export interface MountOptions {
  /** The MCP server behind the endpoint. */
  readonly server: McpServer;
  /** The handler's own `maxBodyBytes`. @default the handler's default */
  readonly maxBodyBytes?: number | undefined;
  /** The framework's body-parser limit, where it has one (`express.json`, Fastify `bodyLimit`). @default 4 MiB */
  readonly frameworkBodyLimit?: number | undefined;
}

/** A mounted endpoint. */
export interface Mounted {
  /** The MCP endpoint. */
  readonly url: string;
  /** How a request reaches the endpoint: the global fetch, or Hono's `app.request` when there is no socket. */
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** True when no socket is involved: clients must be given `fetch`. */
  readonly socketless: boolean;
  /** The handler's live counters. */
  readonly stats: () => StreamableHttpServerStats;
  /** Closes the handler (every session and stream), then the framework and its sockets. */
  close(): Promise<void>;
}

/** One way of mounting the handler. */
export interface FrameworkMount {
  readonly name: string;
  /** True when the framework parses the JSON body before the handler sees it (`parsedBody` is passed). */
  readonly parsesBody: boolean;
  /** What answers 413 for a body over the limit: the handler itself, or the framework's body parser first. */
  readonly tooLarge: 'handler' | 'framework';
  /** What answers 415 for `Content-Type: application/xml` (Fastify refuses media types it has no parser for). */
  readonly unknownMediaType: 'handler' | 'framework';
  mount(options: MountOptions): Promise<Mounted>;
}

const FOUR_MIB = 4 * 1024 * 1024;
const globalFetch = (url: string, init: RequestInit): Promise<Response> => fetch(url, init);

function handlerOptions(options: MountOptions): StreamableHttpServerOptions {
  return { server: options.server, maxBodyBytes: options.maxBodyBytes };
}

/** Listens on 127.0.0.1, port 0; resolves with the bound port. */
function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Stops a node:http server, keep-alive sockets included (they would hold `close()` open). */
function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function expressMount(withJsonParser: boolean): FrameworkMount {
  return {
    name: withJsonParser ? 'Express + express.json()' : 'Express',
    parsesBody: withJsonParser,
    tooLarge: withJsonParser ? 'framework' : 'handler',
    unknownMediaType: 'handler',
    async mount(options) {
      const mcp = createStreamableHttpHandler(handlerOptions(options));
      const app = express();
      const limit = options.frameworkBodyLimit ?? FOUR_MIB;
      if (withJsonParser) {
        app.all('/mcp', express.json({ limit }), (req, res) => void mcp.handleNode(req, res, req.body));
      } else {
        app.all('/mcp', (req, res) => void mcp.handleNode(req, res));
      }
      const server = createServer(app);
      const port = await listen(server);
      return {
        url: `http://127.0.0.1:${port}/mcp`,
        fetch: globalFetch,
        socketless: false,
        stats: () => mcp.stats,
        close: async () => {
          await mcp.close();
          await stop(server);
        },
      };
    },
  };
}

const fastifyMount: FrameworkMount = {
  name: 'Fastify',
  parsesBody: true,
  tooLarge: 'framework',
  unknownMediaType: 'framework',
  async mount(options) {
    const mcp = createStreamableHttpHandler(handlerOptions(options));
    const app = Fastify({ bodyLimit: options.frameworkBodyLimit ?? FOUR_MIB });
    app.all('/mcp', (request, reply) => {
      reply.hijack();
      return mcp.handleNode(request.raw, reply.raw, request.body);
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;
    return {
      url: `http://127.0.0.1:${port}/mcp`,
      fetch: globalFetch,
      socketless: false,
      stats: () => mcp.stats,
      close: async () => {
        await mcp.close();
        app.server.closeAllConnections();
        await app.close();
      },
    };
  },
};

const honoNodeServerMount: FrameworkMount = {
  name: 'Hono on @hono/node-server',
  parsesBody: false,
  tooLarge: 'handler',
  unknownMediaType: 'handler',
  async mount(options) {
    const mcp = createStreamableHttpWebHandler(handlerOptions(options));
    const app = new Hono();
    app.all('/mcp', (c) => mcp.handleRequest(c.req.raw));
    let server: Server | undefined;
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve(info.port),
      ) as Server;
    });
    return {
      url: `http://127.0.0.1:${port}/mcp`,
      fetch: globalFetch,
      socketless: false,
      stats: () => mcp.stats,
      close: async () => {
        await mcp.close();
        await stop(server!);
      },
    };
  },
};

/** No socket: the client's fetch is `app.request`, so Requests and Responses go straight through Hono. */
const honoAppRequestMount: FrameworkMount = {
  name: 'Hono app.request()',
  parsesBody: false,
  tooLarge: 'handler',
  unknownMediaType: 'handler',
  async mount(options) {
    const mcp = createStreamableHttpWebHandler(handlerOptions(options));
    const app = new Hono();
    app.all('/mcp', (c) => mcp.handleRequest(c.req.raw));
    return {
      url: 'http://localhost/mcp',
      fetch: async (url, init) => app.request(url, init),
      socketless: true,
      stats: () => mcp.stats,
      close: () => mcp.close(),
    };
  },
};

/** Every mount, in the order the tests run them. */
export const FRAMEWORK_MOUNTS: readonly FrameworkMount[] = [
  expressMount(true),
  expressMount(false),
  fastifyMount,
  honoNodeServerMount,
  honoAppRequestMount,
];
