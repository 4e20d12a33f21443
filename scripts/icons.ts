/**
 * `npm run icons`: renders public/icon.svg to the PNGs the stores and the toolbar use
 * (public/icon/<size>.png, found by WXT; public/icon-muted/<size>.png, the toolbar icon where
 * Glossa is off). Same SVG, same PNGs, on any machine: a unit test renders them again and
 * compares their pixels with the committed files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderIconFiles } from './icons-render';

const publicDir = path.resolve(import.meta.dirname, '../public');
const svg = readFileSync(path.join(publicDir, 'icon.svg'), 'utf8');
for (const { file, png } of renderIconFiles(svg)) {
  const out = path.join(publicDir, file);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, png);
  console.info(`${path.relative(process.cwd(), out)} (${png.length} bytes)`);
}
