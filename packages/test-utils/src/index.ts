// Private test helpers: explicit named exports only.
export type { TransportPairFactory, TransportPairHarness } from './transport-harness.js';
