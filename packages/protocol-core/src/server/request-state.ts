/**
 * The integrity-protected `requestState` of modern multi round-trip requests. The client echoes it
 * and must not read it, but it can: so it carries digests, never secrets. The payload binds the state
 * to the request it was issued for (method and a digest of the salient params), to the principal
 * (a digest), and to an expiry; it carries the answers of earlier rounds and the keys asked last.
 *
 * Wire form: `base64url(JSON payload) "." base64url(HMAC-SHA-256(key, first part))`, with Web Crypto
 * only (browser-safe). A fleet of processes behind one endpoint must share the key.
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
  /** Digest of the principal, or '' when the request was unauthenticated. */
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

/** What a state must match to be accepted. */
export interface StateBinding {
  method: string;
  digest: string;
  principal: string;
}

/** States larger than this are refused before any work (they only grow by one round of answers). */
const MAX_STATE_CHARS = 4 * 1024 * 1024;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Web Crypto's key type, named without the DOM lib (the Node typings only declare it under `webcrypto`). */
type HmacKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;

/** A fresh key per process, made on first use: right for one process, wrong for a fleet (documented). */
let processKey: Uint8Array | undefined;

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

/** JSON with object keys sorted at every level, so that equal values give equal digests. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as { [key: string]: unknown };
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
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

/** Seals and opens `requestState` tokens with one HMAC key. */
export class RequestStateCodec {
  readonly #rawKey: Uint8Array;
  #key: Promise<HmacKey> | undefined = undefined;

  constructor(key: string | Uint8Array | undefined) {
    if (key === undefined) {
      processKey ??= globalThis.crypto.getRandomValues(new Uint8Array(32));
      this.#rawKey = processKey;
    } else {
      this.#rawKey = typeof key === 'string' ? encoder.encode(key) : key;
    }
    if (this.#rawKey.length < 16) throw new RangeError('requestStateKey must be at least 16 bytes');
  }

  /** SHA-256 of the canonical JSON of `value`, base64url: for salient params and principals. */
  async digest(value: unknown): Promise<string> {
    const hash = await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(canonicalJson(value)));
    return bytesToBase64Url(new Uint8Array(hash));
  }

  /** The token for `payload`. */
  async seal(payload: StatePayload): Promise<string> {
    const body = bytesToBase64Url(encoder.encode(JSON.stringify(payload)));
    const signature = await globalThis.crypto.subtle.sign(
      'HMAC',
      await this.#cryptoKey(),
      encoder.encode(body),
    );
    return `${body}.${bytesToBase64Url(new Uint8Array(signature))}`;
  }

  /**
   * The payload of `token`, or a -32602 ProtocolError that says why not: malformed, tampered with
   * (the signature does not verify), expired at `now`, issued for another request, or for another principal.
   */
  async open(token: string, binding: StateBinding, now: number): Promise<StatePayload> {
    if (token.length > MAX_STATE_CHARS) throw invalidState('too large');
    const dot = token.indexOf('.');
    const body = dot < 0 ? undefined : token.slice(0, dot);
    const signature = dot < 0 ? undefined : base64UrlToBytes(token.slice(dot + 1));
    if (body === undefined || signature === undefined || signature.length !== 32 || body === '') {
      throw invalidState('malformed (not a state this server issued)');
    }
    // Verify before parsing: nothing of an unauthenticated payload is looked at.
    const valid = await globalThis.crypto.subtle.verify(
      'HMAC',
      await this.#cryptoKey(),
      signature as Uint8Array<ArrayBuffer>,
      encoder.encode(body),
    );
    if (!valid) throw invalidState('integrity check failed (tampered with, or issued under another key)');
    let payload: unknown;
    try {
      const bytes = base64UrlToBytes(body);
      payload = bytes === undefined ? undefined : JSON.parse(decoder.decode(bytes));
    } catch {
      payload = undefined;
    }
    if (!isPayload(payload)) throw invalidState('malformed payload');
    if (now >= payload.e) throw invalidState('expired; start the request again without requestState');
    if (payload.m !== binding.method || payload.d !== binding.digest) {
      throw invalidState('issued for another request (method, name, arguments or URI differ)');
    }
    if (payload.p !== binding.principal) throw invalidState('issued to another principal');
    return payload;
  }

  #cryptoKey(): Promise<HmacKey> {
    this.#key ??= globalThis.crypto.subtle.importKey(
      'raw',
      this.#rawKey as Uint8Array<ArrayBuffer>,
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    return this.#key;
  }
}
