// Draws the toolbar icon (a white bell on a blue rounded square) as PNGs in public/icon/.
// Run: node extension/scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

// Toolbar (16, 32 and their 2x), the extensions page (48, 96 for high density), stores (128).
const SIZES = [16, 32, 48, 64, 96, 128];
const BLUE = [26, 115, 232];

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Coverage of a pixel centre (x, y in 0..1): 0 outside, 1 background, 2 bell. */
function shape(x, y) {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return 0;
  const dome = (x - 0.5) ** 2 / 0.3 ** 2 + (y - 0.52) ** 2 / 0.32 ** 2 <= 1 && y <= 0.7;
  const body = y > 0.5 && y <= 0.7 && Math.abs(x - 0.5) <= 0.3;
  const rim = y > 0.68 && y <= 0.75 && Math.abs(x - 0.5) <= 0.36;
  const clapper = (x - 0.5) ** 2 + (y - 0.8) ** 2 <= 0.07 ** 2;
  return dome || body || rim || clapper ? 2 : 1;
}

function png(size) {
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = [0];
    for (let px = 0; px < size; px++) {
      // 4x4 supersampling for smooth edges.
      let bg = 0;
      let bell = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const s = shape((px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size);
          if (s === 1) bg++;
          if (s === 2) bell++;
        }
      const covered = bg + bell;
      const mix = covered ? bell / covered : 0;
      const rgb = BLUE.map((c) => Math.round(c * (1 - mix) + 255 * mix));
      row.push(...rgb, Math.round((covered / 16) * 255));
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), png(size));
