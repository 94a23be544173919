import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { entriesAroundHits, findEntryStart, HitPosition, PositionedFile } from '../../../client/src/logs/entryRegions';
import { entryStartTest, parseEntries } from '../../../client/src/logs/entries';
import { LogEntry, LogFormat } from '../../../client/src/logs/model';
import { rgAvailable } from '../../../client/src/logs/rgEngine';
import { searchLogs } from '../../../client/src/logs/search';
import { DEFAULT_PATTERNS, Flavour } from '../../../client/src/logs/textLayout';
import { GenFormat, generateText } from './generateLogs';

/** An in-memory file that counts the bytes read, to prove only regions are read. */
function memFile(text: string): PositionedFile & { bytesRead: number } {
  const data = Buffer.from(text, 'utf8');
  const f = {
    size: data.length,
    bytesRead: 0,
    async read(buf: Buffer, position: number): Promise<number> {
      const n = data.copy(buf, 0, position, Math.min(data.length, position + buf.length));
      f.bytesRead += n;
      return n;
    },
  };
  return f;
}

/** Hit positions of the lines containing `needle` (line numbers and byte offsets computed independently). */
function hitsOf(text: string, needle: string): HitPosition[] {
  const out: HitPosition[] = [];
  let offset = 0;
  text.split('\n').forEach((l, i) => {
    if (l.includes(needle)) out.push({ line: i + 1, offset, text: l.replace(/\r$/, '') });
    offset += Buffer.byteLength(l, 'utf8') + 1;
  });
  return out;
}

/** The reference: parse the whole text, keep the entries that hold a hit line. */
function reference(text: string, format: LogFormat, hits: HitPosition[]): LogEntry[] {
  const all = parseEntries(text, format, 'f.log');
  return all.filter((e, i) => {
    const last = i + 1 < all.length ? all[i + 1].line - 1 : Number.MAX_SAFE_INTEGER;
    return hits.some((h) => h.line >= e.line && h.line <= last);
  });
}

async function around(f: PositionedFile, format: LogFormat, hits: HitPosition[]): Promise<LogEntry[]> {
  const out: LogEntry[] = [];
  for await (const b of entriesAroundHits(f, 'f.log', format, hits)) out.push(...b);
  return out;
}

const fmt = (flavour: Flavour): LogFormat => ({ kind: 'text', flavour, pattern: DEFAULT_PATTERNS[flavour] });

describe('logs: entries around hits with positioned reads', () => {
  for (const flavour of ['serilog', 'nlog', 'log4net'] as const) {
    it(`${flavour}: same entries as a full parse, for hits in headers and in stack frames`, async () => {
      const text = generateText(flavour as GenFormat, 11, 4000);
      for (const needle of ['MenetlusService.Kaivita(', 'Arestimine ebaõnnestus', 'ArestService', 'Timeout expired']) {
        const hits = hitsOf(text, needle);
        assert.ok(hits.length > 0, needle);
        const f = memFile(text);
        const got = await around(f, fmt(flavour), hits);
        assert.deepEqual(got, reference(text, fmt(flavour), hits), `${flavour} ${needle}`);
      }
    });
  }

  it('reads only regions for rare hits, seeking back from far hits', async () => {
    const text = generateText('serilog', 5, 60000); // ~7 MB
    const lines = text.split('\n');
    // Three rare hits far apart, each in a stack frame (not a header).
    const picks = [lines.findIndex((l, i) => i > 100 && l.includes('MenetlusService.Kaivita(')),
      lines.findIndex((l, i) => i > lines.length / 2 && l.includes('MenetlusService.Kaivita(')),
      lines.findIndex((l, i) => i > lines.length - 200 && l.includes('MenetlusService.Kaivita('))];
    const all = hitsOf(text, 'MenetlusService.Kaivita(');
    const hits = all.filter((h) => picks.includes(h.line - 1)).map(({ line, offset }) => ({ line, offset })); // without text: read it
    assert.equal(hits.length, 3);
    const f = memFile(text);
    const got = await around(f, fmt('serilog'), hits);
    assert.deepEqual(got, reference(text, fmt('serilog'), hits));
    assert.ok(got.every((e) => /MenetlusService\.Kaivita\(/.test(e.exception ?? '')));
    assert.ok(f.bytesRead < 1_000_000, `read ${f.bytesRead} of ${f.size} bytes`);
  });

  it('CRLF lines, a torn last line, an entry longer than the read window, text before the first header', async () => {
    const long = Array.from({ length: 3000 }, (_, i) => `   at ETaitur.Arest.ArestService.Samm${i}() in C:\\src\\ETaitur\\Arest\\ArestService.cs:line ${i + 1}`).join('\r\n');
    const text = [
      'jätk eelmisest failist: Võlgnik',
      '2026-11-24 08:00:00.001 +02:00 [INF] Menetlus 1/2026/77 avatud',
      '2026-11-24 08:00:01.002 +02:00 [ERR] Arestimine ebaõnnestus menetluses 12/2026/5',
      'System.InvalidOperationException: Arest on juba lõpetatud',
      long,
      '   at ETaitur.Menetlus.MenetlusService.Kaivita(MenetlusDto dto) in C:\\src\\ETaitur\\Menetlus\\MenetlusService.cs:line 42',
      '2026-11-24 08:00:02.003 +02:00 [WRN] Võlgniku 42 andmed puuduvad',
      '2026-11-24 08:00:03',
    ].join('\r\n');
    const format = fmt('serilog');
    for (const needle of ['MenetlusService.Kaivita(', 'Võlgnik', '2026-11-24 08:00:03', 'Samm1500(']) {
      const hits = hitsOf(text, needle);
      const got = await around(memFile(text), format, hits);
      assert.deepEqual(got, reference(text, format, hits), needle);
      assert.ok(got.length > 0);
    }
    const h = hitsOf(text, 'MenetlusService.Kaivita(')[0];
    assert.deepEqual(await findEntryStart(memFile(text), h, entryStartTest(format)), { offset: Buffer.byteLength(text.slice(0, text.indexOf('2026-11-24 08:00:01'))), line: 3 });
  });

  it('search over a plain text file returns the same entries with rg and with the Node engine', async function () {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'etaitur-regions-'));
    try {
      const file = path.join(dir, 'etaitur-20261124.log');
      await fs.writeFile(file, generateText('nlog', 3, 5000));
      const files = [{ file, format: fmt('nlog') }];
      const collect = async (rgPath?: string) => { const out: LogEntry[] = []; for await (const e of searchLogs(files, { text: 'SqlException' }, { rgPath })) out.push(e); return out; };
      const node = await collect();
      assert.ok(node.length > 0);
      assert.deepEqual(node.map((e) => e.raw), reference(await fs.readFile(file, 'utf8'), fmt('nlog'), hitsOf(await fs.readFile(file, 'utf8'), 'SqlException')).map((e) => e.raw));
      if (!(await rgAvailable('rg'))) this.skip();
      assert.deepEqual(await collect('rg'), node);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
