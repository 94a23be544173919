import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { Grouper } from '../../../client/src/logs/grouping';
import { scanFileLines } from '../../../client/src/logs/lineScanner';
import { LogEntry, LogFormat } from '../../../client/src/logs/model';
import { LogQuery, parsePropertyFilter } from '../../../client/src/logs/query';
import { rgAvailable } from '../../../client/src/logs/rgEngine';
import { SearchFile, searchLogs } from '../../../client/src/logs/search';
import { formatOfFile, listSourceFiles } from '../../../client/src/logs/sources';
import { DEFAULT_PATTERNS } from '../../../client/src/logs/textLayout';
import { writeRolled } from './generateLogs';

async function collect(files: SearchFile[], q: LogQuery, rgPath?: string, limit?: number): Promise<LogEntry[]> {
  const out: LogEntry[] = [];
  for await (const e of searchLogs(files, q, { rgPath, limit })) out.push(e);
  return out;
}

function rgCount(pattern: string, files: string[], fixed = true): number {
  // rg --count per file (with --search-zip), summed: the reference count.
  let out = '';
  try { out = execFileSync('rg', ['--no-config', '--search-zip', '--count', '--with-filename', ...(fixed ? ['-F'] : []), '-e', pattern, ...files], { encoding: 'utf8' }); } catch (e) { out = (e as { stdout?: string }).stdout ?? ''; }
  return out.split('\n').filter(Boolean).reduce((n, l) => n + Number(l.slice(l.lastIndexOf(':') + 1)), 0);
}

describe('logs: search over rolled files', function () {
  this.timeout(60000);
  let dir: string;
  let clef: SearchFile[];
  let log4net: SearchFile[];
  let hasRg = false;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'etaitur-logs-'));
    const c = await writeRolled(path.join(dir, 'clef'), 'clef', 3, 3000);
    // invalid JSON and a torn last line in the newest file
    await fs.appendFile(c[c.length - 1], 'Arestimine katki: not json\n{"@t":"2026-11-22T23:59:59Z","@mt":"Arestimine ebaõnnestus menetluses');
    clef = c.map((file) => ({ file, format: { kind: 'clef' } as LogFormat }));
    const l = await writeRolled(path.join(dir, 'log4net'), 'log4net', 2, 3000);
    log4net = l.map((file) => ({ file, format: { kind: 'text', flavour: 'log4net', pattern: DEFAULT_PATTERNS.log4net } as LogFormat }));
    hasRg = await rgAvailable('rg');
  });
  after(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  it('lists daily rolled files and .gz by folder and by glob', async () => {
    assert.equal((await listSourceFiles(path.join(dir, 'clef'))).length, 3);
    assert.deepEqual((await listSourceFiles(path.join(dir, 'clef', 'etaitur-*.json.gz'))).map((f) => path.basename(f)), ['etaitur-20261120.json.gz', 'etaitur-20261121.json.gz']);
    assert.equal((await listSourceFiles(path.join(dir, '**', '*.log*'))).length, 2);
    assert.deepEqual(await listSourceFiles(path.join(dir, 'puudub')), []);
    // A source without a format: each file's name decides (a glob like *.json* says nothing).
    const nlog: LogFormat = { kind: 'text', flavour: 'nlog', pattern: DEFAULT_PATTERNS.nlog };
    const src = { path: path.join(dir, '**', 'etaitur-*'), textFormat: nlog };
    assert.deepEqual(formatOfFile(src, '/logs/etaitur-20261124.json.gz'), { kind: 'clef' });
    assert.deepEqual(formatOfFile(src, 'D:\\logs\\etaitur-20261124.log'), nlog);
    assert.deepEqual(formatOfFile({ ...src, format: nlog }, '/logs/etaitur-20261124.json'), nlog);
  });

  it('node engine line counts equal rg --count and grep -c (gz included)', async () => {
    for (const [pat, fixed] of [['ebaõnnestus', true], ['ArestService', true], ['"UserId":4[0-2][,}]', false]] as const) {
      let n = 0;
      for (const f of clef) for await (const _ of scanFileLines(f.file, { pattern: pat, regex: !fixed, caseSensitive: true })) n++;
      const plain = clef[clef.length - 1].file;
      const grep = Number(execFileSync('sh', ['-c', `grep -c ${fixed ? '-F' : '-E'} -e '${pat}' '${plain}' || true`], { encoding: 'utf8' }).trim());
      let nPlain = 0;
      for await (const _ of scanFileLines(plain, { pattern: pat, regex: !fixed, caseSensitive: true })) nPlain++;
      assert.equal(nPlain, grep, `grep -c ${pat}`);
      assert.ok(n > nPlain, `gz files searched too: ${pat} ${n} ${nPlain}`);
      if (hasRg) assert.equal(n, rgCount(pat, clef.map((f) => f.file), fixed), `rg ${pat}`);
    }
  });

  it('case-insensitive literal with Estonian letters', async () => {
    let n = 0;
    for await (const _ of scanFileLines(clef[2].file, { pattern: 'VÕLGNIKU', regex: false, caseSensitive: false })) n++;
    const grep = Number(execFileSync('sh', ['-c', `grep -ci -F 'võlgniku' '${clef[2].file}' || true`], { encoding: 'utf8' }).trim());
    assert.equal(n, grep);
    assert.ok(n > 0);
  });

  it('rg and node engines return the same entries; invalid and torn lines kept as text', async function () {
    if (!hasRg) this.skip();
    const q: LogQuery = { text: 'Arestimine' };
    const a = await collect(clef, q);
    const b = await collect(clef, q, 'rg');
    assert.equal(a.length, b.length);
    // One rg process searches the files in parallel: order between files is rg's, within a file by line.
    const key = (e: LogEntry) => `${path.basename(e.file)}:${String(e.line).padStart(6, '0')}`;
    assert.deepEqual(a.map(key).sort(), b.map(key).sort());
    assert.equal(a.filter((e) => e.unparsed).length, 2);
  });

  it('filters by level, time range and properties', async () => {
    const q: LogQuery = {
      minLevel: 'Error',
      fromMs: Date.UTC(2026, 10, 21), toMs: Date.UTC(2026, 10, 22),
      properties: [parsePropertyFilter('SourceContext starts with ETaitur.Arest')!, parsePropertyFilter('UserId = 42')!].filter(Boolean),
    };
    const es = await collect(clef, { ...q, properties: [parsePropertyFilter('SourceContext startsWith ETaitur.Arest')!] });
    assert.ok(es.length > 0);
    for (const e of es) {
      assert.ok(e.level === 'Error' || e.level === 'Fatal');
      assert.ok(e.timeMs! >= q.fromMs! && e.timeMs! < q.toMs!);
      assert.ok(String(e.properties.SourceContext).startsWith('ETaitur.Arest'));
    }
    const u = await collect(clef, { properties: [parsePropertyFilter('UserId = 42')!] });
    assert.ok(u.length > 0 && u.every((e) => e.properties.UserId === 42));
  });

  it('multi-line log4net entries: a hit in a stack frame returns the whole entry', async () => {
    const es = await collect(log4net, { text: 'MenetlusService.Kaivita(' }, hasRg ? 'rg' : undefined);
    const lines = rgOrGrepLines('MenetlusService.Kaivita(', log4net.map((f) => f.file));
    assert.equal(es.length, lines);
    assert.ok(es.every((e) => e.level === 'Error' || e.level === 'Fatal'));
    assert.ok(es.every((e) => /Exception/.test(e.exception ?? '')));
  });

  it('limit, load more, grouping by exception type with counts, cancel', async () => {
    const first = await collect(clef, { text: 'Exception' }, undefined, 10);
    assert.equal(first.length, 10);
    const all = await collect(clef, { text: 'Exception' });
    const g = new Grouper('exception');
    all.forEach((e) => g.add(e));
    const groups = g.list();
    assert.equal(groups.reduce((n, x) => n + x.count, 0), all.length);
    assert.ok(groups.some((x) => x.key === 'System.NullReferenceException'));
    const ac = new AbortController();
    let n = 0;
    for await (const _ of searchLogs(clef, { text: 'ETaitur' }, { signal: ac.signal })) { if (++n === 5) ac.abort(); }
    assert.equal(n, 5);
  });

  it('bad input does not crash', async () => {
    const bad = path.join(dir, 'bad.json.gz');
    await fs.writeFile(bad, Buffer.concat([zlib.gzipSync('{"@t":"x"}\n'), Buffer.from('garbage')]));
    const res = await collect([{ file: bad, format: { kind: 'clef' } }], { text: 'x' }).catch((e: Error) => e);
    assert.ok(Array.isArray(res) || res instanceof Error);
    await assert.rejects(() => collect([{ file: path.join(dir, 'nope.json'), format: { kind: 'clef' } }], { text: 'x' }));
  });
});

function rgOrGrepLines(pat: string, files: string[]): number {
  return rgCount(pat, files, true);
}
