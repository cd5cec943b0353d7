/**
 * A server with one of everything, shared by the server suites: tools (plain, structured, failing,
 * slow, progress, logging, input-needing), a fixed resource, a template with completion and a
 * listing, and prompts (zod and plain arguments, with completion).
 */
import * as z from 'zod';
import {
  McpServer,
  type McpServerOptions,
  ResourceNotFoundError,
  type ServerContext,
  type ToolResult,
} from '../../src/index.js';

/** What the fixture's handlers observed, for assertions. */
export interface FixtureLog {
  /** The signal of the last `slow` call, to assert it aborted. */
  slowSignal: AbortSignal | undefined;
  /** Resolves the pending `slow` call. */
  releaseSlow: (() => void) | undefined;
  /** How many times `survey` ran (it is replayed in the modern era). */
  surveyRuns: number;
  /** Errors the server reported. */
  errors: Error[];
  /** The contexts handlers saw. */
  contexts: ServerContext[];
}

/** Builds the fixture server. */
export function fixtureServer(options?: McpServerOptions): { server: McpServer; log: FixtureLog } {
  const server = new McpServer(
    { name: 'fixture-server', version: '1.2.3' },
    { validateResults: true, ...options },
  );
  const log: FixtureLog = {
    slowSignal: undefined,
    releaseSlow: undefined,
    surveyRuns: 0,
    errors: [],
    contexts: [],
  };
  server.onerror = (error) => log.errors.push(error);

  server.registerTool(
    'echo',
    {
      title: 'Echo',
      description: 'Echoes its text',
      inputSchema: z.object({ text: z.string().describe('what to echo') }),
    },
    ({ text }, ctx) => {
      log.contexts.push(ctx);
      return { content: [{ type: 'text', text }] };
    },
  );
  server.registerTool(
    'add',
    {
      description: 'Adds two numbers',
      inputSchema: z.object({ a: z.number(), b: z.number().default(1) }),
      outputSchema: z.object({ sum: z.number() }),
    },
    ({ a, b }) => ({ structuredContent: { sum: a + b } }),
  );
  server.registerTool(
    'broken_output',
    {
      inputSchema: { type: 'object' },
      outputSchema: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] },
    },
    () => ({ structuredContent: { n: 'not a number' } }),
  );
  server.registerTool('fail', {}, () => {
    throw new Error('database unreachable');
  });
  server.registerTool('slow', {}, (_args, ctx) => {
    log.slowSignal = ctx.signal;
    return new Promise<ToolResult>((resolve, reject) => {
      log.releaseSlow = () => resolve({ content: [{ type: 'text', text: 'done' }] });
      ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
    });
  });
  server.registerTool('progress', {}, async (_args, ctx) => {
    await ctx.sendProgress(1, 2, 'half');
    await ctx.sendProgress(2, 2);
    return { content: [{ type: 'text', text: 'progressed' }] };
  });
  server.registerTool('chatty', {}, async (_args, ctx) => {
    for (const level of ['debug', 'info', 'warning', 'error'] as const)
      await ctx.log(level, { level }, 'chatty');
    return { content: [{ type: 'text', text: 'logged' }] };
  });
  server.registerTool('survey', { inputSchema: z.object({ topic: z.string() }) }, async ({ topic }, ctx) => {
    log.surveyRuns++;
    const answer = await ctx.elicit({
      message: `Your name, for the ${topic} survey?`,
      requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
    });
    const name = answer.action === 'accept' ? String(answer.content?.['name']) : 'anonymous';
    const sampled = await ctx.sample({
      messages: [{ role: 'user', content: { type: 'text', text: `Greet ${name}` } }],
      maxTokens: 50,
    });
    const greeting = Array.isArray(sampled.content)
      ? ''
      : sampled.content.type === 'text'
        ? sampled.content.text
        : '';
    return { content: [{ type: 'text', text: `${greeting} (${topic})` }] };
  });
  server.registerTool('roots', {}, async (_args, ctx) => {
    const { roots } = await ctx.listRoots();
    return { content: [{ type: 'text', text: roots.map((root) => root.uri).join(',') }] };
  });
  server.registerTool('open_url', {}, async (_args, ctx) => {
    const answer = await ctx.elicit({
      mode: 'url',
      message: 'Connect your account',
      url: 'https://example.com/connect',
    });
    return { content: [{ type: 'text', text: answer.action }] };
  });

  server.registerResource('file:///readme.md', { name: 'readme', mimeType: 'text/markdown' }, (uri) => ({
    contents: [{ uri, mimeType: 'text/markdown', text: '# Readme' }],
  }));
  server.registerResource('file:///broken', { name: 'broken' }, () => {
    throw new Error('disk on fire at /var/secret/path');
  });
  server.registerResourceTemplate(
    'users://{id}/profile',
    { name: 'user-profile', description: 'A user profile' },
    (uri, variables) => {
      if (variables['id'] === 'ghost') throw new ResourceNotFoundError(uri);
      return { contents: [{ uri, text: `profile of ${String(variables['id'])}` }] };
    },
    {
      list: () => [{ uri: 'users://alice/profile', name: 'alice' }],
      complete: { id: (value) => ['alice', 'albert', 'bob'].filter((id) => id.startsWith(value)) },
    },
  );

  server.registerPrompt(
    'review',
    {
      title: 'Code review',
      argsSchema: z.object({ code: z.string().describe('the code'), language: z.string().optional() }),
      complete: {
        language: (value) => ['python', 'pytorch', 'rust'].filter((lang) => lang.startsWith(value)),
      },
    },
    ({ code, language }) => ({
      messages: [
        { role: 'user', content: { type: 'text', text: `Review this ${language ?? 'code'}: ${code}` } },
      ],
    }),
  );
  server.registerPrompt('greet', { argsSchema: [{ name: 'who', required: true }] }, (args) => ({
    messages: [{ role: 'user', content: { type: 'text', text: `Hello ${args['who']}` } }],
  }));
  return { server, log };
}
