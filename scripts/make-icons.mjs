#!/usr/bin/env node
// Draws the toolbar icon (a green shield with a white check) as PNGs at the sizes the manifest
// needs. Our own tiny PNG encoder: no image library, output is deterministic.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function inShield(x, y) {
  // unit square coordinates; a shield: flat top with rounded shoulders, pointed bottom
  if (y < 0.08 || y > 0.95 || x < 0.1 || x > 0.9) return false;
  if (y < 0.55) return true;
  const half = 0.4 * (1 - (y - 0.55) / 0.4);
  return Math.abs(x - 0.5) <= half;
}
function onCheck(x, y, w) {
  const d1 = Math.abs(y - x - 0.2) / Math.SQRT2; // down stroke (0.30, 0.50) → (0.45, 0.65)
  const d2 = Math.abs(y + x - 1.1) / Math.SQRT2; // up stroke (0.45, 0.65) → (0.74, 0.36)
  return (x >= 0.28 && x <= 0.47 && d1 < w) || (x >= 0.43 && x <= 0.74 && d2 < w);
}

function png(size) {
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = [0];
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      const S = 4; // supersampling for smooth edges
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          if (!inShield(x, y)) continue;
          const white = onCheck(x, y, 0.06);
          r += white ? 255 : 21;
          g += white ? 255 : 128;
          b += white ? 255 : 61;
          a += 255;
        }
      const n = S * S;
      const cov = a / 255;
      row.push(
        cov ? Math.round(r / cov) : 0,
        cov ? Math.round(g / cov) : 0,
        cov ? Math.round(b / cov) : 0,
        Math.round(a / n),
      );
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
console.log('icons written to public/icon/');
