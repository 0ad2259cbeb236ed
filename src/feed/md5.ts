/**
 * @module
 * MD5 (RFC 1321) in plain TypeScript, for `hashes.csv` (misp-behaviour.md §3.1: one `md5(value)` per
 * attribute value). Pure code has no `node:crypto` and WebCrypto is async and has no MD5; this one is
 * synchronous and tuned for many short values: one reused buffer, no allocation per value but the
 * hex string. MD5 is MISP's lookup key here, not a security measure.
 */

// K[i] = floor(|sin(i + 1)| * 2^32), written out so no engine's Math.sin can change them.
const K = new Int32Array([
  0xd76aa478,
  0xe8c7b756,
  0x242070db,
  0xc1bdceee,
  0xf57c0faf,
  0x4787c62a,
  0xa8304613,
  0xfd469501,
  0x698098d8,
  0x8b44f7af,
  0xffff5bb1,
  0x895cd7be,
  0x6b901122,
  0xfd987193,
  0xa679438e,
  0x49b40821,
  0xf61e2562,
  0xc040b340,
  0x265e5a51,
  0xe9b6c7aa,
  0xd62f105d,
  0x02441453,
  0xd8a1e681,
  0xe7d3fbc8,
  0x21e1cde6,
  0xc33707d6,
  0xf4d50d87,
  0x455a14ed,
  0xa9e3e905,
  0xfcefa3f8,
  0x676f02d9,
  0x8d2a4c8a,
  0xfffa3942,
  0x8771f681,
  0x6d9d6122,
  0xfde5380c,
  0xa4beea44,
  0x4bdecfa9,
  0xf6bb4b60,
  0xbebfbc70,
  0x289b7ec6,
  0xeaa127fa,
  0xd4ef3085,
  0x04881d05,
  0xd9d4d039,
  0xe6db99e5,
  0x1fa27cf8,
  0xc4ac5665,
  0xf4292244,
  0x432aff97,
  0xab9423a7,
  0xfc93a039,
  0x655b59c3,
  0x8f0ccc92,
  0xffeff47d,
  0x85845dd1,
  0x6fa87e4f,
  0xfe2ce6e0,
  0xa3014314,
  0x4e0811a1,
  0xf7537e82,
  0xbd3af235,
  0x2ad7d2bb,
  0xeb86d391,
]);
const S = new Uint8Array([
  7,
  12,
  17,
  22,
  7,
  12,
  17,
  22,
  7,
  12,
  17,
  22,
  7,
  12,
  17,
  22,
  5,
  9,
  14,
  20,
  5,
  9,
  14,
  20,
  5,
  9,
  14,
  20,
  5,
  9,
  14,
  20,
  4,
  11,
  16,
  23,
  4,
  11,
  16,
  23,
  4,
  11,
  16,
  23,
  4,
  11,
  16,
  23,
  6,
  10,
  15,
  21,
  6,
  10,
  15,
  21,
  6,
  10,
  15,
  21,
  6,
  10,
  15,
  21,
]);
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const W = new Int32Array(16);
const encoder = new TextEncoder();
let buffer = new Uint8Array(1024);

/** Lower-case hex MD5 of the UTF-8 bytes of `text` (lone surrogates become U+FFFD). */
export function md5Hex(text: string): string {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit; 72 more for the padding.
  const room = text.length * 3 + 72;
  if (buffer.length < room) buffer = new Uint8Array(Math.max(room, buffer.length * 2));
  const length = encoder.encodeInto(text, buffer).written;
  return digest(buffer, length);
}

/** Lower-case hex MD5 of `bytes`. */
export function md5HexOfBytes(bytes: Uint8Array): string {
  const room = bytes.length + 72;
  if (buffer.length < room) buffer = new Uint8Array(Math.max(room, buffer.length * 2));
  buffer.set(bytes);
  return digest(buffer, bytes.length);
}

/** Pads `data[0..length)` in place (the buffer has room) and hashes it. */
function digest(data: Uint8Array, length: number): string {
  const total = (((length + 8) >>> 6) + 1) << 6;
  data[length] = 0x80;
  data.fill(0, length + 1, total - 8);
  const bitsLow = (length << 3) >>> 0;
  const bitsHigh = Math.floor(length / 0x20000000);
  writeLe(data, total - 8, bitsLow);
  writeLe(data, total - 4, bitsHigh);
  let a0 = 0x67452301, b0 = 0xefcdab89 | 0, c0 = 0x98badcfe | 0, d0 = 0x10325476;
  for (let offset = 0; offset < total; offset += 64) {
    for (let i = 0, j = offset; i < 16; i++, j += 4) {
      W[i] = data[j]! | (data[j + 1]! << 8) | (data[j + 2]! << 16) | (data[j + 3]! << 24);
    }
    let a = a0, b = b0, c = c0, d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number, g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const sum = (a + f + K[i]! + W[g]!) | 0;
      const shift = S[i]!;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  return hexLe(a0) + hexLe(b0) + hexLe(c0) + hexLe(d0);
}

function writeLe(data: Uint8Array, at: number, word: number): void {
  data[at] = word & 0xff;
  data[at + 1] = (word >>> 8) & 0xff;
  data[at + 2] = (word >>> 16) & 0xff;
  data[at + 3] = (word >>> 24) & 0xff;
}

function hexLe(word: number): string {
  return HEX[word & 0xff]! + HEX[(word >>> 8) & 0xff]! + HEX[(word >>> 16) & 0xff]! +
    HEX[(word >>> 24) & 0xff]!;
}
