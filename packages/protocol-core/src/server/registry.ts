/**
 * An ordered registry of tools, prompts, resources or templates: registration order is list order
 * (the spec asks for a deterministic order), an item updated in place keeps its place, and the values array is
 * cached between changes so that a list request copies nothing.
 */

/** Called after every change of a registry. */
export type RegistryListener = () => void;

/** Items by key, in registration order. */
export class Registry<T> {
  readonly #items = new Map<string, T>();
  readonly #what: string;
  readonly #onChange: RegistryListener;
  #values: readonly T[] | undefined = undefined;

  /** `what` names the kind of item in error messages ("tool", "prompt"). */
  constructor(what: string, onChange: RegistryListener) {
    this.#what = what;
    this.#onChange = onChange;
  }

  /** How many items are registered. */
  get size(): number {
    return this.#items.size;
  }

  /** The item under `key`, or undefined. */
  get(key: string): T | undefined {
    return this.#items.get(key);
  }

  /** Every item in registration order; the same array until the next change. */
  values(): readonly T[] {
    this.#values ??= Object.freeze([...this.#items.values()]);
    return this.#values;
  }

  /** Adds an item; a key registered twice is a programming error, thrown at once. */
  add(key: string, item: T): void {
    if (this.#items.has(key)) throw new Error(`A ${this.#what} named "${key}" is already registered`);
    this.#items.set(key, item);
    this.#changed();
  }

  /** Records that `item` (still under `key`) changed in place: its place in the order stays. */
  touch(key: string, item: T): boolean {
    if (this.#items.get(key) !== item) return false;
    this.#changed();
    return true;
  }

  /** Removes `item` if it is still the one under `key` (a stale handle removes nothing). */
  remove(key: string, item: T): boolean {
    if (this.#items.get(key) !== item) return false;
    this.#items.delete(key);
    this.#changed();
    return true;
  }

  #changed(): void {
    this.#values = undefined;
    this.#onChange();
  }
}
