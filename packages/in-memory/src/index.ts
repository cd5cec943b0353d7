// Public API of @mcpwire/in-memory: explicit named exports only.
export {};
