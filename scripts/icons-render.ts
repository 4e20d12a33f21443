/**
 * Renders Glossa's icon from its SVG (public/icon.svg) to PNGs, with nothing but Node: no image
 * library is installed, and the output must be the same on every machine. It reads a small
 * subset of SVG (rect with rx, circle, polygon, and stroked paths of absolute M, L and A with
 * round caps) and refuses anything else, so the SVG cannot drift from what the PNGs show.
 *
 * Each pixel is sampled on an 8×8 grid: coverage and colour are averages of the samples, all
 * plain float arithmetic, so the pixels are identical wherever it runs. PNGs are compared by
 * their pixels (zlib's compressed bytes may differ between zlib builds).
 */
import { deflateSync, inflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];

interface Shape {
  /** Whether point (x, y), in viewBox units, is inside the painted shape. */
  contains(x: number, y: number): boolean;
  readonly color: Rgb;
}

export interface IconSource {
  readonly viewBox: readonly [number, number, number, number];
  readonly shapes: readonly Shape[];
}

function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) out.set(m[1]!, m[2]!);
  return out;
}

function num(a: Map<string, string>, name: string, fallback?: number): number {
  const raw = a.get(name);
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new Error(`icon SVG: missing ${name}`);
  }
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`icon SVG: ${name}="${raw}" is not a number`);
  return n;
}

function color(raw: string | undefined): Rgb | undefined {
  if (raw === undefined || raw === 'none') return undefined;
  const m = /^#([0-9a-f]{6})$/i.exec(raw);
  if (!m) throw new Error(`icon SVG: colour "${raw}" must be #rrggbb or none`);
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function distanceToSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** A circular arc (SVG's A with rx = ry, no rotation), as its centre and angle range. */
function arcDistance(
  from: readonly [number, number],
  to: readonly [number, number],
  r: number,
  largeArc: boolean,
  sweep: boolean,
): (x: number, y: number) => number {
  // SVG's endpoint-to-centre conversion (SVG 1.1, appendix F.6.5) for a circle.
  const [x1, y1] = from;
  const [x2, y2] = to;
  const mx = (x1 - x2) / 2;
  const my = (y1 - y2) / 2;
  const d2 = mx * mx + my * my;
  const radius = Math.max(r, Math.sqrt(d2));
  const k = (largeArc === sweep ? -1 : 1) * Math.sqrt(Math.max(0, (radius * radius - d2) / d2));
  const cx = k * my + (x1 + x2) / 2;
  const cy = -k * mx + (y1 + y2) / 2;
  const a1 = Math.atan2(y1 - cy, x1 - cx);
  let span = Math.atan2(y2 - cy, x2 - cx) - a1;
  if (sweep && span < 0) span += 2 * Math.PI;
  if (!sweep && span > 0) span -= 2 * Math.PI;
  const turn = (a: number) => ((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  return (x, y) => {
    // The point's angle, measured from the start in the arc's direction.
    const angle = Math.atan2(y - cy, x - cx);
    const t = sweep ? turn(angle - a1) : turn(a1 - angle);
    if (t <= Math.abs(span)) return Math.abs(Math.hypot(x - cx, y - cy) - radius);
    return Math.min(Math.hypot(x - x1, y - y1), Math.hypot(x - x2, y - y2));
  };
}

function strokedPath(d: string, width: number, stroke: Rgb): Shape {
  const tokens = d.trim().split(/[\s,]+/);
  const parts: ((x: number, y: number) => number)[] = [];
  let at: [number, number] | undefined;
  for (let i = 0; i < tokens.length;) {
    const cmd = tokens[i++];
    const next = () => {
      const n = Number(tokens[i++]);
      if (!Number.isFinite(n)) throw new Error(`icon SVG: bad number in path "${d}"`);
      return n;
    };
    if (cmd === 'M') at = [next(), next()];
    else if (cmd === 'L' && at) {
      const [ax, ay] = at;
      const to: [number, number] = [next(), next()];
      parts.push((x, y) => distanceToSegment(x, y, ax, ay, to[0], to[1]));
      at = to;
    } else if (cmd === 'A' && at) {
      const rx = next();
      const ry = next();
      const rotation = next();
      const large = next() === 1;
      const sweep = next() === 1;
      const to: [number, number] = [next(), next()];
      if (rx !== ry || rotation !== 0) throw new Error('icon SVG: only circular arcs (rx = ry, no rotation)');
      parts.push(arcDistance(at, to, rx, large, sweep));
      at = to;
    } else throw new Error(`icon SVG: path command "${cmd}" is not supported (absolute M, L, A only)`);
  }
  const half = width / 2;
  return { color: stroke, contains: (x, y) => parts.some((p) => p(x, y) <= half) };
}

/** Reads the icon's SVG. Throws on any element or attribute value it would not draw faithfully. */
export function parseIconSvg(svg: string): IconSource {
  const body = svg.replace(/<!--[\s\S]*?-->/g, '').replace(/<title>[^<]*<\/title>/g, '');
  const root = /<svg\b([^>]*)>/.exec(body);
  const viewBox = root && attrs(root[1]!).get('viewBox');
  const box = viewBox?.split(/\s+/).map(Number);
  if (!box || box.length !== 4 || box.some((n) => !Number.isFinite(n))) throw new Error('icon SVG: needs a viewBox');
  const shapes: Shape[] = [];
  for (const m of body.matchAll(/<([a-z]+)\b([^>]*)\/?>/g)) {
    const [, tag, rest] = m;
    if (tag === 'svg') continue;
    const a = attrs(rest!);
    const fill = color(a.get('fill') ?? '#000000');
    const stroke = color(a.get('stroke'));
    const strokeWidth = num(a, 'stroke-width', 1);
    if (tag === 'rect') {
      const [x, y, w, h, r] = [num(a, 'x', 0), num(a, 'y', 0), num(a, 'width'), num(a, 'height'), num(a, 'rx', 0)];
      if (!fill || stroke) throw new Error('icon SVG: rect must be filled, not stroked');
      shapes.push({
        color: fill,
        contains: (px, py) => {
          // Distance outside the rect shrunk by r, then compared with r: a rounded rect.
          const dx = Math.max(x + r - px, 0, px - (x + w - r));
          const dy = Math.max(y + r - py, 0, py - (y + h - r));
          return dx * dx + dy * dy <= r * r;
        },
      });
    } else if (tag === 'circle') {
      const [cx, cy, r] = [num(a, 'cx'), num(a, 'cy'), num(a, 'r')];
      if (fill) shapes.push({ color: fill, contains: (px, py) => Math.hypot(px - cx, py - cy) <= r });
      if (stroke)
        shapes.push({
          color: stroke,
          contains: (px, py) => Math.abs(Math.hypot(px - cx, py - cy) - r) <= strokeWidth / 2,
        });
    } else if (tag === 'polygon') {
      const pts = (a.get('points') ?? '')
        .trim()
        .split(/[\s,]+/)
        .map(Number);
      if (!fill || stroke || pts.length < 6 || pts.length % 2) throw new Error('icon SVG: polygon must be filled');
      shapes.push({
        color: fill,
        contains: (px, py) => {
          let inside = false;
          for (let i = 0, j = pts.length - 2; i < pts.length; j = i, i += 2) {
            const [xi, yi, xj, yj] = [pts[i]!, pts[i + 1]!, pts[j]!, pts[j + 1]!];
            if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
          }
          return inside;
        },
      });
    } else if (tag === 'path') {
      if (fill || !stroke || a.get('stroke-linecap') !== 'round')
        throw new Error('icon SVG: path must be stroked with round caps and fill="none"');
      shapes.push(strokedPath(a.get('d') ?? '', strokeWidth, stroke));
    } else {
      throw new Error(`icon SVG: <${tag}> is not supported (rect, circle, polygon, path)`);
    }
  }
  return { viewBox: box as [number, number, number, number], shapes };
}

/** The toolbar's "off for this site" variant: every colour grey, lightened, so the mark reads as muted. */
export function muted([r, g, b]: Rgb): Rgb {
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const grey = Math.round(luminance + (255 - luminance) * 0.35);
  return [grey, grey, grey];
}

const GRID = 8;

/** Straight-alpha RGBA pixels of the icon at `size` × `size`. */
export function renderIcon(source: IconSource, size: number, recolor: (c: Rgb) => Rgb = (c) => c): Uint8Array {
  const [vx, vy, vw, vh] = source.viewBox;
  const out = new Uint8Array(size * size * 4);
  const colors = source.shapes.map((s) => recolor(s.color));
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < GRID; sy++) {
        for (let sx = 0; sx < GRID; sx++) {
          const x = vx + ((px + (sx + 0.5) / GRID) / size) * vw;
          const y = vy + ((py + (sy + 0.5) / GRID) / size) * vh;
          // The topmost shape at the sample paints it (every shape is opaque).
          for (let i = source.shapes.length - 1; i >= 0; i--) {
            if (!source.shapes[i]!.contains(x, y)) continue;
            const c = colors[i]!;
            hits++;
            r += c[0];
            g += c[1];
            b += c[2];
            break;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (hits > 0) {
        out[o] = Math.round(r / hits);
        out[o + 1] = Math.round(g / hits);
        out[o + 2] = Math.round(b / hits);
        out[o + 3] = Math.round((hits / (GRID * GRID)) * 255);
      }
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 255]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG of RGBA pixels: 8 bits per channel, no filtering, one IDAT, no metadata (no dates). */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** The size and RGBA pixels of a PNG written by `encodePng` (unfiltered RGBA, one IDAT). */
export function readPng(png: Uint8Array): { size: number; rgba: Uint8Array } {
  const buf = Buffer.from(png);
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let size = 0;
  const idat: Buffer[] = [];
  for (let o = 8; o < buf.length;) {
    const length = buf.readUInt32BE(o);
    const type = buf.toString('latin1', o + 4, o + 8);
    const data = buf.subarray(o + 8, o + 8 + length);
    if (type === 'IHDR') {
      size = data.readUInt32BE(0);
      if (data.readUInt32BE(4) !== size || data[8] !== 8 || data[9] !== 6) throw new Error('not a square RGBA PNG');
    }
    if (type === 'IDAT') idat.push(data);
    o += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    if (raw[row] !== 0) throw new Error('PNG rows must be unfiltered');
    rgba.set(raw.subarray(row + 1, row + 1 + size * 4), y * size * 4);
  }
  return { size, rgba };
}

/** Every PNG `npm run icons` writes, relative to public/: the store sizes and the muted toolbar icons. */
export const ICON_FILES: readonly { file: string; size: number; muted: boolean }[] = [
  ...[16, 32, 48, 128].map((size) => ({ file: `icon/${size}.png`, size, muted: false })),
  ...[16, 32].map((size) => ({ file: `icon-muted/${size}.png`, size, muted: true })),
];

/** The PNG files rendered from the SVG's text. */
export function renderIconFiles(svg: string): { file: string; png: Buffer }[] {
  const source = parseIconSvg(svg);
  return ICON_FILES.map(({ file, size, muted: mute }) => ({
    file,
    png: encodePng(size, renderIcon(source, size, mute ? muted : undefined)),
  }));
}
