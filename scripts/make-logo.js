#!/usr/bin/env node
// Writes a 128×128 RGBA PNG logo: a rounded tile in the provider's colour with a lighter band.
// Usage: node scripts/make-logo.js <out.png> <#rrggbb>
const fs = require('node:fs');
const zlib = require('node:zlib');

const [out, colour = '#3366cc'] = process.argv.slice(2);
if (!out) {
  console.error('usage: make-logo.js <out.png> <#rrggbb>');
  process.exit(2);
}
const size = 128;
const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
const rows = [];
for (let y = 0; y < size; y += 1) {
  const row = Buffer.alloc(1 + size * 4);
  for (let x = 0; x < size; x += 1) {
    const radius = 24;
    const cx = Math.min(Math.max(x, radius), size - 1 - radius);
    const cy = Math.min(Math.max(y, radius), size - 1 - radius);
    const inside = (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
    const band = y > 52 && y < 76 && x > 20 && x < 108;
    const o = 1 + x * 4;
    row[o] = band ? 255 : r;
    row[o + 1] = band ? 255 : g;
    row[o + 2] = band ? 255 : b;
    row[o + 3] = inside ? 255 : 0;
  }
  rows.push(row);
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8;
header[9] = 6;
fs.writeFileSync(
  out,
  Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]),
);
