/**
 * Shared by the SDK interop tests: how to start each fixture server, the clients under test, and the
 * check every case makes on a `tools/call` result. Everything made here is closed by `closeAll()`.
 */
import { McpClient } from '@mcpwire/protocol-core';
import { Client as Sdk2Client } from '@modelcontextprotocol/client';
import { Client as Sdk1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { expect } from 'vitest';
import { type StdioClientTransport, createStdioClientTransport } from '../../src/index.js';
import { fixture } from './processes.js';

export const MODERN = '2026-07-28';
export const LEGACY = '2025-11-25';

const cleanups: (() => Promise<unknown>)[] = [];

/** Closes everything the helpers made, newest first; for `afterEach`. */
export async function closeAll(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
}

/** Registers something to close after the test. */
export function closeLater<T extends { close(): Promise<unknown> }>(item: T): T {
  cleanups.push(() => item.close());
  return item;
}

/** A fixture command: `command` and `args`, as both our and the SDK's stdio client transports take them. */
export interface ServerCommand {
  command: string;
  args: string[];
}

// Fixtures that load our TypeScript source run under tsx's loader with the workspace's source condition.
const SOURCE_LOADER = ['--conditions=@mcpwire/source', '--import', 'tsx'];

/** Our McpServer (`echo` answers `mcpwire:<text>`) on our stdio server transport or on the SDK 1.x one. */
export function ourServerCommand(carrier: 'ours' | 'sdk1', ...flags: string[]): ServerCommand {
  return {
    command: process.execPath,
    args: [...SOURCE_LOADER, fixture('mcp-server.mjs'), carrier, ...flags],
  };
}

/**
 * An SDK server (`echo` answers `sdk1:<text>` / `sdk2:<text>`) on the SDK's stdio server transport
 * (plain node, nothing of ours loaded) or on ours.
 */
export function sdkServerCommand(version: 'v1' | 'v2', carrier: 'sdk' | 'ours'): ServerCommand {
  const args = [fixture('sdk-server.mjs'), version, carrier];
  return { command: process.execPath, args: carrier === 'ours' ? [...SOURCE_LOADER, ...args] : args };
}

/** Our client transport spawning `server`; the server's stderr is shown with ours, for diagnosis. */
export function ourClientTransport(server: ServerCommand): StdioClientTransport {
  return closeLater(createStdioClientTransport({ ...server, stderr: 'inherit', closeTimeoutMs: 1000 }));
}

/**
 * Our client. Its probe gets 15 s, not the default 5: every fixture answers the probe, but a child that
 * loads tsx and our sources can take seconds to boot on a loaded CI machine, and a probe that times out
 * falls back to initialize (the wrong era for a modern server).
 */
export function ourClient(era: 'auto' | 'legacy' | 'modern' = 'auto', probeTimeoutMs = 15_000): McpClient {
  return closeLater(new McpClient({ name: 'mcpwire-client', version: '0.1.0' }, { era, probeTimeoutMs }));
}

export function sdk1Client(): Sdk1Client {
  return closeLater(new Sdk1Client({ name: 'sdk1-client', version: '1.32.2' }));
}

export type Sdk2Mode = 'legacy' | 'auto' | { pin: string };

export function sdk2Client(mode: Sdk2Mode): Sdk2Client {
  return closeLater(
    new Sdk2Client({ name: 'sdk2-client', version: '2.4.0' }, { versionNegotiation: { mode } }),
  );
}

/** Checks a `callTool` result (SDK 1.x types it as a union with the 2024 `toolResult` shape). */
export async function expectEcho(call: Promise<object>, expected: string): Promise<void> {
  const result = (await call) as { content?: unknown; isError?: boolean | undefined };
  expect(result.isError ?? false).toBe(false);
  expect(result.content).toEqual([{ type: 'text', text: expected }]);
}
