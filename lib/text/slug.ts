/** Entry ids: lower-case ASCII slugs every builder makes the same way. */
import { normalize } from './normalize';

/** "Côte d’Ivoire" → "cote-d-ivoire", "ISIS–K" → "isis-k". */
export function slugify(name: string): string {
  return normalize(name)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
