/**
 * The WebSocket subprotocol MCP is negotiated with. The official SDK's `WebSocketClientTransport`
 * offers it too, so its clients connect to these servers unchanged.
 */
export const MCP_SUBPROTOCOL = 'mcp';
