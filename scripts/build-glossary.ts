/**
 * `npm run glossary`: regenerates every bundled pack from its source folder and prints how
 * each entry was found, then the World pack from the world-countries dataset. Exits non-zero,
 * naming every problem, when a source is wrong.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BuildError } from '../lib/glossary/build';
import { isCountryEntry } from '../lib/glossary/world';
import { worldPack } from './build-world';
import { buildSource, GENERATED_DIR, packFile, serialisePack, sourceFolders } from './glossary-sources';

let failed = false;
mkdirSync(GENERATED_DIR, { recursive: true });
for (const dir of sourceFolders()) {
  try {
    const { pack, report } = buildSource(dir);
    writeFileSync(packFile(pack.id), serialisePack(pack));
    const byExtraction = report.entries.filter((e) => e.foundBy.length > 0).length;
    console.log(`${path.basename(dir)} → ${path.relative(process.cwd(), packFile(pack.id))}`);
    console.log(
      `  ${report.entries.length} entries: ${byExtraction} found by extraction, ${report.entries.length - byExtraction} by curation alone; ` +
        `${report.candidates} candidates, ${report.dropped.length} blocks dropped in cleaning`,
    );
    for (const e of report.entries) {
      const found = e.foundBy.length ? e.foundBy.join('+') : 'curation only';
      const auto = e.autoAliases.length ? `; auto aliases: ${e.autoAliases.join(', ')}` : '';
      console.log(`  - ${e.name} [${found}; kind from ${e.kindFrom}; ${e.mentions} mentions${auto}]`);
    }
  } catch (error) {
    failed = true;
    console.error(`${path.basename(dir)}: ${error instanceof BuildError ? error.message : String(error)}`);
  }
}
try {
  const pack = worldPack();
  const file = packFile(pack.id);
  const json = serialisePack(pack);
  writeFileSync(file, json);
  const countries = pack.entries.filter(isCountryEntry);
  const contextual = pack.entries.filter((e) => e.match.needsContext);
  console.log(`world-countries → ${path.relative(process.cwd(), file)} (${Buffer.byteLength(json)} bytes)`);
  console.log(
    `  ${pack.entries.length} entries: ${countries.length} countries, ${pack.entries.length - countries.length} capitals; ` +
      `${contextual.length} need context: ${contextual.map((e) => e.match.needsContext!.forms.join('/')).join(', ')}`,
  );
} catch (error) {
  failed = true;
  console.error(`world: ${String(error)}`);
}
process.exit(failed ? 1 : 0);
