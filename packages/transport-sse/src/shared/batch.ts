/** Where JSON-RPC batches are allowed on this wire: the kit's list, re-exported under this package's name. */
export { allowsBatch, BATCH_PROTOCOL_VERSIONS } from '@mcpwire/protocol-core/transport-kit';
