/** The entry points: what moved from the root is re-exported there unchanged, and test-only names are gone. */
import { describe, expect, it } from 'vitest';
import * as client from '../src/client.js';
import * as root from '../src/index.js';
import * as schemas from '../src/schemas.js';
import * as server from '../src/server.js';

const rootNames = Object.keys(root);
// Tests, not bundled code: reading the module namespaces by name is the point here.
const rootValues: Record<string, unknown> = { ...root };
const schemaValues: Record<string, unknown> = { ...schemas };

describe('protocol-core entry points', () => {
  it('/schemas holds every zod schema, and the root still gives the same values (deprecated)', () => {
    const schemaNames = Object.keys(schemas).filter((name) => name.endsWith('Schema'));
    expect(schemaNames.length).toBeGreaterThan(100);
    expect(rootNames.filter((name) => name.endsWith('Schema')).sort()).toEqual(schemaNames.sort());
    for (const [name, value] of Object.entries(schemaValues)) expect(rootValues[name], name).toBe(value);
  });

  it('/client and /server give the root classes themselves', () => {
    expect(client.McpClient).toBe(root.McpClient);
    expect(client.ListCache).toBe(root.ListCache);
    expect(server.McpServer).toBe(root.McpServer);
    expect(server.UriTemplate).toBe(root.UriTemplate);
    expect(server.UrlElicitationRequiredError).toBe(root.UrlElicitationRequiredError);
  });

  it('the root keeps what an application uses and drops what only tests used', () => {
    for (const name of ['McpClient', 'McpServer', 'pipe', 'ProtocolError', 'TransportError', 'ErrorCode']) {
      expect(rootNames).toContain(name);
    }
    for (const name of ['formatIssues', 'MAX_ISSUE_MESSAGE_CHARS']) expect(rootNames).not.toContain(name);
    expect(Object.keys(client).some((name) => name.endsWith('Schema'))).toBe(false);
  });
});
