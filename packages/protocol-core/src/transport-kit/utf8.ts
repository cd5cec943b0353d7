/**
 * UTF-8 sizes of JavaScript strings, counted without encoding them. A lone surrogate (half of a pair
 * with no partner) counts 3 bytes: `TextEncoder` and Node's `Buffer` both write it as U+FFFD, so that
 * is what goes on the wire.
 */

/**
 * The length of `text` encoded as UTF-8, in bytes, equal to `new TextEncoder().encode(text).length`.
 * @example
 * utf8ByteLength('é'); // 2
 * utf8ByteLength('\uD83D'); // 3: a lone surrogate is sent as U+FFFD
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * True when `text` is longer than `limit` bytes in UTF-8. Every UTF-16 unit takes 1 to 3 bytes, so
 * the length alone decides most cases; the exact count runs only between `length` and `3 * length`.
 */
export function exceedsUtf8Bytes(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return utf8ByteLength(text) > limit;
}
