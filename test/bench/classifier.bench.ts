// Classifier benchmark: building the catalog from 200 generated .klass files of 100 codes each, checking a
// 10,000-line script with and without it (unknown-classifier-code's cost), and the drift comparison of a
// 5,000-code classifier with 5,000 rows.
import { readFileSync } from 'fs';
import * as path from 'path';
import { checkScript } from '../../server/src/check';
import { schemaFromDdlTexts } from '../../server/src/schema/ddlSource';
import { ClassifierCatalog } from '../../server/src/classifier/catalog';
import { parseClassifier } from '../../server/src/classifier/parse';
import { compareWithData, type DataRow } from '../../server/src/classifier/drift';
import { buildScript } from './parse.bench';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(f: () => unknown, runs = 11): number {
  for (let i = 0; i < 3; i++) f();
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    f();
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(wall);
}

function klass(table: string, codes: number): string {
  const lines = [`classifier ${table.toUpperCase()}`, `table dbo.${table}`, 'key Kood', 'column et Nimetus', 'column en NimetusEn', 'column from KehtivAlates', 'column until KehtivKuni', ''];
  for (let i = 0; i < codes; i++) {
    lines.push(`value ${String(i).padStart(2, '0')}`, `  et Väärtus ${i}`, `  en Value ${i}`, '  from 2010-01-01', ...(i % 10 === 9 ? ['  until 2019-12-31', `  deprecated replacedBy ${String(i - 1).padStart(2, '0')}`] : []), '');
  }
  return lines.join('\n');
}

export async function run(): Promise<void> {
  const ddlPath = path.join(__dirname, '..', 'fixtures', 'schema', 'etaitur.sql');
  const { schema } = await schemaFromDdlTexts([{ path: ddlPath, text: readFileSync(ddlPath, 'utf8') }]);
  const fixture = readFileSync(path.join(__dirname, '..', 'fixtures', 'classifiers', 'menetluse-staatus.klass'), 'utf8');
  const files = [{ file: 'menetluse-staatus.klass', text: fixture }, ...Array.from({ length: 199 }, (_, i) => ({ file: `k${i}.klass`, text: klass(`Klass${i}`, 100) }))];
  let catalog = ClassifierCatalog.fromFiles(files);
  const build = time(() => (catalog = ClassifierCatalog.fromFiles(files)), 7);
  console.log(`catalog: 200 files, ${files.reduce((n, f) => n + f.text.length, 0)} chars: median ${build.toFixed(1)} ms`);

  const text = buildScript(10000);
  const without = time(() => checkScript(text, { schema }));
  let found = 0;
  const withCatalog = time(() => (found = checkScript(text, { schema, classifiers: catalog }).findings.filter((f) => f.code === 'unknown-classifier-code').length));
  console.log(`check 10,000 lines: without catalog median ${without.toFixed(1)} ms, with 200 classifiers ${withCatalog.toFixed(1)} ms (${found} unknown-classifier-code)`);

  const big = parseClassifier(klass('Suur', 5000));
  const rows: DataRow[] = Array.from({ length: 5000 }, (_, i) => ({ Kood: String(i).padStart(2, '0'), Nimetus: `Väärtus ${i}`, NimetusEn: i % 100 === 0 ? 'changed' : `Value ${i}`, KehtivAlates: new Date('2010-01-01T00:00:00Z'), KehtivKuni: i % 10 === 9 ? '2019-12-31' : null }));
  let items = 0;
  const drift = time(() => (items = compareWithData(big, rows).length));
  console.log(`drift: 5,000 codes vs 5,000 rows: median ${drift.toFixed(1)} ms (${items} differences)`);
}
