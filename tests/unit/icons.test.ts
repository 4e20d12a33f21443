import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodePng, ICON_FILES, parseIconSvg, readPng, renderIcon, renderIconFiles } from '../../scripts/icons-render';

const publicDir = path.resolve(import.meta.dirname, '../../public');
const svg = readFileSync(path.join(publicDir, 'icon.svg'), 'utf8');

describe('icons (npm run icons)', () => {
  it('the committed PNGs are what public/icon.svg renders to, pixel for pixel', () => {
    const rendered = renderIconFiles(svg);
    expect(rendered.map((r) => r.file)).toEqual(ICON_FILES.map((f) => f.file));
    for (const { file, png } of rendered) {
      const committed = readPng(readFileSync(path.join(publicDir, file)));
      const fresh = readPng(png);
      expect(committed.size, file).toBe(fresh.size);
      expect(Buffer.from(committed.rgba).equals(Buffer.from(fresh.rgba)), `${file} differs: run npm run icons`).toBe(
        true,
      );
    }
  });

  it('covers the sizes the stores ask for, and a muted toolbar pair', () => {
    expect(ICON_FILES.filter((f) => !f.muted).map((f) => f.size)).toEqual([16, 32, 48, 128]);
    expect(ICON_FILES.filter((f) => f.muted).map((f) => f.size)).toEqual([16, 32]);
  });

  it('draws the mark: blue bubble, white "g", transparent corners; the muted one is grey', () => {
    const source = parseIconSvg(svg);
    const px = (rgba: Uint8Array, size: number, x: number, y: number) => [
      ...rgba.subarray((y * size + x) * 4, (y * size + x) * 4 + 4),
    ];
    const normal = renderIcon(source, 128);
    expect(px(normal, 128, 1, 1)).toEqual([0, 0, 0, 0]);
    expect(px(normal, 128, 20, 54)).toEqual([0x24, 0x56, 0xc8, 255]);
    // The "g"'s stem.
    expect(px(normal, 128, 81, 50)).toEqual([255, 255, 255, 255]);
    const grey = readPng(readFileSync(path.join(publicDir, 'icon-muted/32.png')));
    const [r, g, b, a] = px(grey.rgba, 32, 5, 13);
    expect(a).toBe(255);
    expect(r).toBe(g);
    expect(g).toBe(b);
  });

  it('a PNG round-trips through the encoder and reader', () => {
    const rgba = new Uint8Array(4 * 4 * 4).map((_, i) => (i * 37) % 256);
    expect(readPng(encodePng(4, rgba)).rgba).toEqual(rgba);
  });

  it('refuses SVG it would not draw faithfully', () => {
    const wrap = (inner: string) => `<svg viewBox="0 0 10 10">${inner}</svg>`;
    expect(() => parseIconSvg(wrap('<ellipse cx="5" cy="5" rx="2" ry="3" fill="#000000"/>'))).toThrow(/ellipse/);
    expect(() =>
      parseIconSvg(wrap('<path d="M 0 0 C 1 1 2 2 3 3" fill="none" stroke="#000000" stroke-linecap="round"/>')),
    ).toThrow(/"C"/);
    expect(() => parseIconSvg(wrap('<rect width="5" height="5" fill="red"/>'))).toThrow(/#rrggbb/);
  });
});
