// Private test helpers: explicit named exports only.
export { FakeTimers } from './fake-timers.js';
export { importGraph, nodeOnlyImports, protocolCoreEntries } from './import-graph.js';
export type { ImportGraph } from './import-graph.js';
export { describeTransportSuite } from './transport-suite.js';
export { DEFAULT_WAIT_TIMEOUT_MS, TransportRecorder, settle } from './transport-recorder.js';
export type { TransportPairFactory, TransportPairHarness } from './transport-harness.js';
export { sendAndWaitForClose, UNFINISHED_HEADERS } from './raw-http.js';
