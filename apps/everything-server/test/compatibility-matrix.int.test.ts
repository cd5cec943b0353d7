// The spec's compatibility matrix over stdio: our client over our stdio client transport, against the
// reference server's CLI started in each era (`--era modern|dual|legacy`).
import { describe, it } from 'vitest';
import { checkRow, MATRIX, runRow } from './support/matrix.js';
import { everythingServer, stdioTransport } from './support/processes.js';

describe('compatibility matrix, stdio', () => {
  it.each(MATRIX)('client $client × server $server: $spec', async (row) => {
    // runRow closes the client, which ends the child's stdin and waits for it to exit.
    checkRow(row, await runRow(row, (era) => stdioTransport(everythingServer(era))));
  });
});
