/**
 * A scripted HttpRequester for unit tests: each call takes the next answer from a queue, and SSE
 * bodies are streams the test pushes events into, ends or breaks.
 */
import type { HttpRequest, HttpRequester, HttpResponse } from '../../src/index.js';

export interface Call {
  readonly url: URL;
  readonly request: HttpRequest;
}

/** An SSE body under the test's control. */
export class SseBody {
  readonly response: HttpResponse;
  cancelled = false;
  #controller!: ReadableStreamDefaultController<Uint8Array>;
  readonly #encoder = new TextEncoder();

  constructor(headers: Record<string, string> = {}) {
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.#controller = controller;
      },
      cancel: () => {
        this.cancelled = true;
      },
    });
    const all: Record<string, string> = { 'content-type': 'text/event-stream', ...headers };
    this.response = {
      status: 200,
      headers: { get: (name) => all[name.toLowerCase()] ?? null },
      body,
      cancel: () => {
        if (!body.locked) void body.cancel();
      },
    };
  }

  /** Writes raw SSE text. */
  write(text: string): void {
    this.#controller.enqueue(this.#encoder.encode(text));
  }

  /** Writes one event. */
  event(data: unknown, options: { id?: string; retry?: number } = {}): void {
    let text = '';
    if (options.id !== undefined) text += `id: ${options.id}\n`;
    if (options.retry !== undefined) text += `retry: ${options.retry}\n`;
    this.write(`${text}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
  }

  end(): void {
    this.#controller.close();
  }

  fail(): void {
    this.#controller.error(new Error('connection reset'));
  }
}

/** A JSON (or empty) answer. */
export function jsonResponse(
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): HttpResponse {
  const text = body === undefined ? '' : JSON.stringify(body);
  const all: Record<string, string> =
    body === undefined ? headers : { 'content-type': 'application/json', ...headers };
  return {
    status,
    headers: { get: (name) => all[name.toLowerCase()] ?? null },
    body: text.length === 0 ? null : new Response(text).body,
    cancel: () => {},
  };
}

type Answer = (call: Call) => HttpResponse | Promise<HttpResponse>;

/** Answers calls in order (DELETE excepted); a call past the script waits until an answer is queued. */
export class ScriptedHttp {
  readonly calls: Call[] = [];
  readonly #answers: Answer[] = [];
  readonly #waiting: ((answer: Answer) => void)[] = [];

  readonly requester: HttpRequester = (url, request) => {
    const call = { url, request };
    this.calls.push(call);
    // The session DELETE of close() is answered at once: tests script the exchanges that matter.
    if (request.method === 'DELETE') return Promise.resolve(jsonResponse(200));
    const next = this.#answers.shift();
    if (next !== undefined) return Promise.resolve(next(call));
    return new Promise<Answer>((resolve) => this.#waiting.push(resolve)).then((answer) => answer(call));
  };

  /** Queues the answer of the next call. */
  answer(answer: HttpResponse | Answer): void {
    const fn: Answer = typeof answer === 'function' ? answer : () => answer;
    const waiter = this.#waiting.shift();
    if (waiter !== undefined) waiter(fn);
    else this.#answers.push(fn);
  }

  /** The calls of one method. */
  of(method: HttpRequest['method']): Call[] {
    return this.calls.filter((call) => call.request.method === method);
  }
}

/** Lets pending promise callbacks and stream reads run (no timers advance). */
export async function flush(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}
