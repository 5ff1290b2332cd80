import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { runCli } from "./lib/args";

// Draws the app's icons (public/icons/) from one SVG: `npx tsx scripts/icons.ts`. The PNGs are committed.
const OUT = path.join("public", "icons");

// A speech bubble with a clock hand: the inbox and the hour. Maskable icons keep the drawing inside the middle 80%.
function svg({ size, maskable }: { size: number; maskable: boolean }): string {
  const pad = maskable ? size * 0.2 : size * 0.08;
  const s = size - 2 * pad;
  const radius = maskable ? 0 : size * 0.22;
  const cx = pad + s / 2;
  const cy = pad + s * 0.46;
  const r = s * 0.36;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${radius}" fill="#1d4ed8"/>
  <circle cx="${cx}" cy="${cy}" r="${r}" fill="#ffffff"/>
  <path d="M ${cx - r * 0.55} ${cy + r * 0.7} L ${cx - r * 0.75} ${cy + r * 1.25} L ${cx - r * 0.05} ${cy + r * 0.95} Z" fill="#ffffff"/>
  <path d="M ${cx} ${cy - r * 0.62} L ${cx} ${cy} L ${cx + r * 0.45} ${cy + r * 0.28}" stroke="#1d4ed8" stroke-width="${r * 0.16}" stroke-linecap="round" stroke-linejoin="round" fill="none"/>
</svg>`;
}

const ICONS = [
  { file: "icon-192.png", size: 192, maskable: false },
  { file: "icon-512.png", size: 512, maskable: false },
  { file: "maskable-512.png", size: 512, maskable: true },
  { file: "apple-touch-icon.png", size: 180, maskable: true },
  { file: "badge-96.png", size: 96, maskable: false },
];

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  for (const icon of ICONS) {
    await sharp(Buffer.from(svg(icon))).png({ compressionLevel: 9 }).toFile(path.join(OUT, icon.file));
    process.stderr.write(`${path.join(OUT, icon.file)}\n`);
  }
}

void runCli(main);
