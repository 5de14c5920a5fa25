/**
 * Keys that append: UUIDv7 (RFC 9562), a 48-bit Unix millisecond timestamp
 * followed by random bits. New rows on a hot table land on the right-hand page
 * of its primary key index instead of a random one, so a checkpoint is followed
 * by far fewer full-page images in the WAL than with random (v4) UUIDs.
 * Within one millisecond the order is random (no counter): only the locality matters.
 */
import { randomFillSync } from "node:crypto";

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

// Random bytes are drawn 4 kB at a time and handed out 10 per id (as Node's own randomUUID does):
// one call into the random generator per 409 ids instead of one per id.
const POOL = new Uint8Array(4096);
let used = POOL.length;

export function uuidv7(now: number = Date.now()): string {
  const b = new Uint8Array(16);
  if (used + 10 > POOL.length) {
    randomFillSync(POOL);
    used = 0;
  }
  b.set(POOL.subarray(used, used + 10), 6);
  used += 10;
  let t = now;
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  b[6] = 0x70 | (b[6]! & 0x0f); // version 7
  b[8] = 0x80 | (b[8]! & 0x3f); // variant 10
  const h = Array.from(b, (x) => HEX[x]).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
