// Public API of @mcpwire/transport-stdio: explicit named exports only.
export {};
