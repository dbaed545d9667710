// Draws the ribbon and store icons as real PNGs (no image tool needed): `node assets/generate-icons.mjs`.
// Shapes are defined on a unit square and supersampled 4×4 per pixel, so 16 px icons stay crisp.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const BRAND = [15, 108, 189]; // Fluent brand blue (#0F6CBD)
const GREEN = [16, 124, 65]; // Excel green (#107C41)
const WHITE = [255, 255, 255];

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const roundedSquare = (x, y) => {
  const r = 0.18;
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  return dx * dx + dy * dy <= r * r;
};
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  const px = ax + t * vx - x;
  const py = ay + t * vy - y;
  return px * px + py * py <= (w / 2) ** 2;
};
const any =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y));

const GLYPHS = {
  // Three rising bars: scores.
  icon: {
    bg: BRAND,
    fg: any(rect(0.2, 0.55, 0.34, 0.8), rect(0.43, 0.4, 0.57, 0.8), rect(0.66, 0.22, 0.8, 0.8)),
  },
  // A check mark: validate.
  check: { bg: GREEN, fg: segment(0.22, 0.52, 0.42, 0.72, 0.13) },
  // A podium: ranking.
  rank: {
    bg: BRAND,
    fg: any(rect(0.39, 0.3, 0.61, 0.8), rect(0.16, 0.48, 0.38, 0.8), rect(0.62, 0.58, 0.84, 0.8)),
  },
};
GLYPHS.check.fg = any(GLYPHS.check.fg, segment(0.42, 0.72, 0.8, 0.3, 0.13));

function draw({ bg, fg }, size) {
  const out = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          if (!roundedSquare(x, y)) continue;
          cover++;
          if (fg(x, y)) white++;
        }
      }
      const i = (py * size + px) * 4;
      const w = cover ? white / cover : 0;
      for (let c = 0; c < 3; c++) out[i + c] = Math.round(bg[c] * (1 - w) + WHITE[c] * w);
      out[i + 3] = Math.round((cover / (S * S)) * 255);
    }
  }
  return out;
}

for (const [name, glyph] of Object.entries(GLYPHS)) {
  // 192 and 512: the sizes browsers want to install the standalone page as an app (its web manifest).
  const sizes = name === "icon" ? [16, 32, 64, 80, 128, 192, 512] : [16, 32, 80];
  for (const size of sizes) {
    writeFileSync(join(here, `${name}-${size}.png`), png(size, draw(glyph, size)));
  }
}
console.log("icons written to", here);
