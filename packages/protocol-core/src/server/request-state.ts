/**
 * The integrity-protected `requestState` of modern multi round-trip requests. The client echoes it
 * and must not read it, but it can: so it carries digests, never secrets. The payload binds the state
 * to the request it was issued for (method and a digest of the salient params), to the principal
 * (a digest), and to an expiry; it carries the answers of earlier rounds and the keys asked last.
 *
 * Wire form: `base64url(JSON payload) "." base64url(HMAC-SHA-256(key, first part))`, with Web Crypto
 * only (browser-safe). A fleet of processes behind one endpoint must share the key (or key list).
 */
import { ErrorCode } from '../error-codes.js';
import { ProtocolError } from '../errors.js';
import type { JSONRPCParams } from '../jsonrpc.js';
import type { InputMethod } from './era.js';

/** One answered input request, as carried between rounds. */
export interface CarriedAnswer {
  /** The input method the answer is for. */
  m: InputMethod;
  /** The client's result. */
  v: JSONRPCParams;
}

/** What a `requestState` says; short keys, since it travels twice per round. */
export interface StatePayload {
  v: 1;
  /** The request method. */
  m: string;
  /** Digest of the salient params (tool name and arguments, prompt name and arguments, or URI). */
  d: string;
  /** Keyed MAC of the principal, or '' when the request was unauthenticated. */
  p: string;
  /** Expiry, in ms since the epoch. */
  e: number;
  /** Input rounds so far. */
  n: number;
  /** Answers of earlier rounds, by input key. */
  r: { [key: string]: CarriedAnswer };
  /** Input keys asked in the last round, with their methods: the answers a retry may carry. */
  a: { [key: string]: InputMethod };
}

/** What a state is bound to, as the server sees the request: hashed and MACed by the codec. */
export interface StateSubject {
  method: string;
  /** The salient params: tool or prompt name and arguments, or URI. */
  salient: unknown;
  /** The authenticated principal, or undefined when the request was unauthenticated. */
  principal: string | undefined;
}

/** The fields of a payload that the server decides; the codec adds the version and the bindings. */
export type StateFields = Pick<StatePayload, 'e' | 'n' | 'r' | 'a'>;

/** A key as a user gives it. */
export type RequestStateKey = string | Uint8Array;

/** States larger than this are refused before any work (they only grow by one round of answers). */
const MAX_STATE_CHARS = 4 * 1024 * 1024;

/**
 * Arrays and objects nested deeper than this in the salient params cannot be bound into a state
 * (-32602): the digest walks them recursively, and no real tool argument is this deep.
 */
export const MAX_BOUND_DEPTH = 256;

/** The shortest key accepted: HMAC-SHA-256 is only as strong as a 256-bit key. */
export const MIN_REQUEST_STATE_KEY_BYTES = 32;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Web Crypto's key type, named without the DOM lib (the Node typings only declare it under `webcrypto`). */
type HmacKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;

function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Chunked: String.fromCharCode with a huge spread would overflow the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlToBytes(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/**
 * JSON with object keys sorted at every level, so that equal values give equal digests, and numbers
 * that JSON.stringify would merge kept apart: `1e400` parses to Infinity, which stringifies as `null`,
 * and `-0` stringifies as `0`. Neither token below is valid JSON, so neither can stand for another value.
 */
function canonicalJson(value: unknown, depth = 0): string {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return Object.is(value, -0) ? '-0' : JSON.stringify(value);
    return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  }
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (depth >= MAX_BOUND_DEPTH) {
    throw new ProtocolError(
      ErrorCode.InvalidParams,
      `Params nested deeper than ${MAX_BOUND_DEPTH} levels cannot be bound into a requestState`,
      { limit: { name: 'maxBoundDepth', value: MAX_BOUND_DEPTH } },
    );
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => canonicalJson(item ?? null, depth + 1)).join(',')}]`;
  }
  const record = value as { [key: string]: unknown };
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key], depth + 1)}`).join(',')}}`;
}

function invalidState(message: string): ProtocolError {
  return new ProtocolError(ErrorCode.InvalidParams, `Invalid requestState: ${message}`);
}

function isPayload(value: unknown): value is StatePayload {
  if (typeof value !== 'object' || value === null) return false;
  const payload = value as { [key: string]: unknown };
  return (
    payload['v'] === 1 &&
    typeof payload['m'] === 'string' &&
    typeof payload['d'] === 'string' &&
    typeof payload['p'] === 'string' &&
    typeof payload['e'] === 'number' &&
    Number.isSafeInteger(payload['n']) &&
    typeof payload['r'] === 'object' &&
    payload['r'] !== null &&
    typeof payload['a'] === 'object' &&
    payload['a'] !== null
  );
}

function keyBytes(key: RequestStateKey): Uint8Array {
  const bytes = typeof key === 'string' ? encoder.encode(key) : key;
  if (bytes.length < MIN_REQUEST_STATE_KEY_BYTES) {
    throw new RangeError(`requestStateKey must be at least ${MIN_REQUEST_STATE_KEY_BYTES} bytes`);
  }
  return bytes;
}

function importHmacKey(raw: Uint8Array): Promise<HmacKey> {
  return globalThis.crypto.subtle.importKey(
    'raw',
    raw as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
}

async function hmac(key: HmacKey, text: string): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(text)));
}

/** SHA-256 of the method and canonical salient params: not secret (the client sent them), only bound. */
async function digestOf(subject: StateSubject): Promise<string> {
  const text = canonicalJson({ method: subject.method, params: subject.salient });
  const hash = await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text));
  return bytesToBase64Url(new Uint8Array(hash));
}

/**
 * A keyed MAC of the principal, '' when there is none: a plain hash would let anyone holding the state
 * test guesses of the principal (for token-only logins, the bearer token) offline.
 */
async function principalMac(key: HmacKey, principal: string | undefined): Promise<string> {
  if (principal === undefined) return '';
  return bytesToBase64Url(await hmac(key, `principal\u0000${principal}`));
}

/**
 * Seals and opens `requestState` tokens. The first key signs; every key verifies, so a fleet rotates
 * by putting a new key first and dropping the old one once the states it signed have expired.
 */
export class RequestStateCodec {
  readonly #rawKeys: readonly Uint8Array[];
  #keys: Promise<HmacKey[]> | undefined = undefined;

  /** Without a key, a fresh random one for this codec (one server instance): see `requestStateKey`. */
  constructor(key: RequestStateKey | readonly RequestStateKey[] | undefined) {
    if (key === undefined) {
      this.#rawKeys = [globalThis.crypto.getRandomValues(new Uint8Array(MIN_REQUEST_STATE_KEY_BYTES))];
      return;
    }
    const keys: readonly RequestStateKey[] =
      typeof key === 'string' || key instanceof Uint8Array ? [key] : key;
    if (keys.length === 0) throw new RangeError('requestStateKey: the key list is empty');
    this.#rawKeys = keys.map(keyBytes);
  }

  /** The token for `fields`, bound to `subject` under the signing key. */
  async seal(subject: StateSubject, fields: StateFields): Promise<string> {
    const signing = (await this.#cryptoKeys())[0]!;
    const payload: StatePayload = {
      v: 1,
      m: subject.method,
      d: await digestOf(subject),
      p: await principalMac(signing, subject.principal),
      ...fields,
    };
    const body = bytesToBase64Url(encoder.encode(JSON.stringify(payload)));
    return `${body}.${bytesToBase64Url(await hmac(signing, body))}`;
  }

  /**
   * The payload of `token`, or a -32602 ProtocolError that says why not: malformed, tampered with
   * (no key verifies it), expired at `now`, issued for another request, or for another principal.
   * Nothing of the token, nor anything derived from the client's params, is computed before a key
   * has verified the signature.
   */
  async open(token: string, subject: StateSubject, now: number): Promise<StatePayload> {
    if (token.length > MAX_STATE_CHARS) throw invalidState('too large');
    const dot = token.indexOf('.');
    const body = dot < 0 ? undefined : token.slice(0, dot);
    const signature = dot < 0 ? undefined : base64UrlToBytes(token.slice(dot + 1));
    if (body === undefined || signature === undefined || signature.length !== 32 || body === '') {
      throw invalidState('malformed (not a state this server issued)');
    }
    const signed = encoder.encode(body);
    let verifier: HmacKey | undefined;
    for (const key of await this.#cryptoKeys()) {
      if (await globalThis.crypto.subtle.verify('HMAC', key, signature as Uint8Array<ArrayBuffer>, signed)) {
        verifier = key;
        break;
      }
    }
    if (verifier === undefined) {
      throw invalidState('integrity check failed (tampered with, or issued under another key)');
    }
    let payload: unknown;
    try {
      const bytes = base64UrlToBytes(body);
      payload = bytes === undefined ? undefined : JSON.parse(decoder.decode(bytes));
    } catch {
      payload = undefined;
    }
    if (!isPayload(payload)) throw invalidState('malformed payload');
    if (now >= payload.e) throw invalidState('expired; start the request again without requestState');
    if (payload.m !== subject.method || payload.d !== (await digestOf(subject))) {
      throw invalidState('issued for another request (method, name, arguments or URI differ)');
    }
    if (payload.p !== (await principalMac(verifier, subject.principal))) {
      throw invalidState('issued to another principal');
    }
    return payload;
  }

  #cryptoKeys(): Promise<HmacKey[]> {
    this.#keys ??= Promise.all(this.#rawKeys.map(importHmacKey));
    return this.#keys;
  }
}
