import { buildScript } from '/work/main/test/bench/parse.bench';
import { parseScript } from '/work/main/server/src/sql/parser';
import { resolveScript } from '/work/main/server/src/resolve/resolver';
import { checkScript } from '/work/main/server/src/check';
import { loadDdlSchema } from '/work/main/server/src/schema/ddlSource';
import { LineIndex } from '/work/main/server/src/text/lineIndex';
async function main() {
  const { schema } = await (loadDdlSchema as any)(['/work/main/test/fixtures/schema/etaitur.sql']);
  for (const n of [1000, 10000]) {
    const text = buildScript(n);
    const t = (f: () => void) => { const xs: number[] = []; for (let i = 0; i < 15; i++) { const s = performance.now(); f(); xs.push(performance.now() - s); } xs.sort((a,b)=>a-b); return xs[7].toFixed(1); };
    let script = parseScript(text);
    console.log(n, 'parse', t(() => { script = parseScript(text); }), 'resolve', t(() => resolveScript(script, schema)), 'check(all)', t(() => checkScript(text, { schema })), 'lineIndex', t(() => new LineIndex(text)), 'batches', script.batches.length, 'findings', checkScript(text, { schema }).findings.length);
  }
}
main();
