// Public API of @mcpwire/test-utils: explicit named exports only.
export {};
