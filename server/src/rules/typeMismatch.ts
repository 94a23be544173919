import type * as A from '../sql/ast';
import type { Rule, RuleContext } from './rule';
import type { TypeInfo } from '../resolve/types';
import { assignments, literalOf } from './assignments';
import { literalConverts, nodesOfKind } from './util';

function checkPair(ctx: RuleContext, lit: A.Literal | undefined, type: TypeInfo | undefined, col: string, seen: Set<number>): void {
  if (!lit || !type || seen.has(lit.range.start)) return;
  const r = literalConverts(lit, type);
  if (r.ok) return;
  seen.add(lit.range.start);
  const shown = lit.literalType === 'string' || lit.literalType === 'nstring' ? `'${lit.value}'` : lit.raw;
  if (r.reason === 'dateformat') {
    ctx.report(
      lit.range,
      `${shown} is read by SQL Server according to the session's DATEFORMAT and language (${type.name}, column ${col}): write it as 'YYYY-MM-DD' or 'YYYYMMDD'.`,
      `${shown} loeb SQL Server seansi DATEFORMAT-i ja keele järgi (${type.name}, veerg ${col}): kirjuta kujul 'AAAA-KK-PP' või 'AAAAKKPP'.`,
    );
    return;
  }
  ctx.report(lit.range, `${shown} cannot be converted to ${type.name} (column ${col}).`, `${shown} ei teisendu tüübiks ${type.name} (veerg ${col}).`);
}

const COMPARE = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);

export const typeMismatch: Rule = {
  id: 'type-mismatch',
  defaultSeverity: 'error',
  category: 'schema',
  needsSchema: true,
  description: { en: "A literal that cannot convert to the column's type ('abc' to int, an impossible date).", et: "Literaal, mis ei teisendu veeru tüübiks ('abc' int-iks, võimatu kuupäev)." },
  check(ctx) {
    const res = ctx.resolution;
    const seen = new Set<number>();
    for (const a of assignments(ctx.script, res, ctx.schema)) {
      checkPair(ctx, literalOf(a.value), res.typeOf(a.column), a.column.name, seen);
    }
    const colType = (e: A.Expression | undefined): [TypeInfo, string] | undefined => {
      let x = e;
      while (x?.kind === 'Paren') x = x.expr;
      if (x?.kind !== 'ColumnRef') return undefined;
      const b = res.columns.get(x);
      const t = b?.column ? res.typeOf(b.column) : undefined;
      return t && b?.column ? [t, b.column.name] : undefined;
    };
    for (const b of nodesOfKind<A.BinaryExpression>(ctx.script, 'Binary')) {
      if (!COMPARE.has(b.op)) continue;
      const l = colType(b.left), r = colType(b.right);
      if (l) checkPair(ctx, literalOf(b.right), l[0], l[1], seen);
      if (r) checkPair(ctx, literalOf(b.left), r[0], r[1], seen);
    }
    for (const i of nodesOfKind<A.InExpression>(ctx.script, 'In')) {
      const c = colType(i.expr);
      if (c) for (const x of i.list ?? []) checkPair(ctx, literalOf(x), c[0], c[1], seen);
    }
    for (const b of nodesOfKind<A.BetweenExpression>(ctx.script, 'Between')) {
      const c = colType(b.expr);
      if (c) { checkPair(ctx, literalOf(b.low), c[0], c[1], seen); checkPair(ctx, literalOf(b.high), c[0], c[1], seen); }
    }
  },
};
