import type * as A from '../sql/ast';
import type { Rule, RuleContext } from './rule';
import { dataTypeToInfo, type TypeInfo } from '../resolve/types';
import { assignments, flowLiterals, literalOf, resultLiterals } from './assignments';
import { dateUnderFormat, literalConverts, nodesOfKind } from './util';

const NUMERIC_LITERALS = new Set(['integer', 'decimal', 'float', 'money']);
const INTEGER_TYPES = new Set(['tinyint', 'smallint', 'int', 'bigint']);

/**
 * In a comparison a number literal too big for an integer column is no error: the literal is
 * numeric(p,0) and the column converts to it (`WHERE MenetlusId = 3000000000` just matches nothing).
 */
function comparisonWidens(lit: A.Literal, type: TypeInfo): boolean {
  return NUMERIC_LITERALS.has(lit.literalType) && INTEGER_TYPES.has(type.name);
}

/** Written to a decimal(p,s) column: more digits before the point than p - s is an arithmetic overflow. */
function decimalOverflow(lit: A.Literal, type: TypeInfo): boolean {
  if (type.name !== 'decimal' && type.name !== 'numeric') return false;
  if (type.precision === undefined) return false;
  const isStr = lit.literalType === 'string' || lit.literalType === 'nstring';
  if (!isStr && lit.literalType !== 'integer' && lit.literalType !== 'decimal') return false;
  const m = /^\s*[+-]?0*(\d*)(?:\.\d*)?\s*$/.exec(isStr ? lit.value : lit.raw);
  if (!m) return false;
  return m[1].length > type.precision - (type.scale ?? 0);
}

function checkPair(ctx: RuleContext, lit: A.Literal | undefined, type: TypeInfo | undefined, col: string, seen: Set<number>, compare = false, variable = false): void {
  if (!lit || !type || seen.has(lit.range.start)) return;
  // a variable's value: only what fails under every DATEFORMAT and language
  if (variable && literalConverts(lit, type).reason === 'dateformat') return;
  const what = variable ? `variable ${col}` : `column ${col}`;
  const whatEt = variable ? `muutuja ${col}` : `veerg ${col}`;
  if (compare && comparisonWidens(lit, type)) return;
  if (!compare && decimalOverflow(lit, type)) {
    seen.add(lit.range.start);
    const shown = lit.literalType === 'string' || lit.literalType === 'nstring' ? `'${lit.value}'` : lit.raw;
    const t = `${type.name}(${type.precision},${type.scale ?? 0})`;
    ctx.report(lit.range, `${shown} does not fit ${t} (${what}): arithmetic overflow.`, `${shown} ei mahu tüüpi ${t} (${whatEt}): aritmeetiline ületäitumine.`);
    return;
  }
  const r = literalConverts(lit, type);
  if (r.ok) return;
  seen.add(lit.range.start);
  const shown = lit.literalType === 'string' || lit.literalType === 'nstring' ? `'${lit.value}'` : lit.raw;
  if (r.reason === 'dateformat') {
    // SET DATEFORMAT dmy earlier in the script pins how the string is read: judge it under that order
    const fmt = dateFormatAt(ctx.script, lit.range.start);
    const pinned = fmt ? dateUnderFormat(lit.value, fmt, type.name) : undefined;
    if (pinned === true) return;
    if (pinned === false) {
      ctx.report(lit.range, `${shown} cannot be converted to ${type.name} under SET DATEFORMAT ${fmt} (${what}).`, `${shown} ei teisendu tüübiks ${type.name} SET DATEFORMAT ${fmt} korral (${whatEt}).`);
      return;
    }
    ctx.report(
      lit.range,
      `${shown} is read by SQL Server according to the session's DATEFORMAT and language (${type.name}, column ${col}): write it as 'YYYY-MM-DD' or 'YYYYMMDD'.`,
      `${shown} loeb SQL Server seansi DATEFORMAT-i ja keele järgi (${type.name}, veerg ${col}): kirjuta kujul 'AAAA-KK-PP' või 'AAAAKKPP'.`,
    );
    return;
  }
  ctx.report(lit.range, `${shown} cannot be converted to ${type.name} (${what}).`, `${shown} ei teisendu tüübiks ${type.name} (${whatEt}).`);
}

/** The DATEFORMAT (dmy, mdy, ...) the last SET DATEFORMAT before a position set, if any. */
function dateFormatAt(script: A.Script, pos: number): string | undefined {
  let fmt: string | undefined;
  let at = -1;
  for (const o of nodesOfKind<A.SetOptionStatement>(script, 'SetOption')) {
    if (o.options.length !== 1 || o.options[0] !== 'DATEFORMAT' || o.range.start > pos || o.range.start < at) continue;
    at = o.range.start;
    fmt = o.value.replace(/'/g, '').toLowerCase();
  }
  return fmt && /^(dmy|mdy|ymd|ydm|myd|dym)$/.test(fmt) ? fmt : undefined;
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
      // CASE/IIF results and ISNULL/COALESCE fallbacks reach the column too
      for (const lit of resultLiterals(a.value)) checkPair(ctx, lit, res.typeOf(a.column), a.column.name, seen);
      for (const lit of flowLiterals(a.value, res, ctx.script)) checkPair(ctx, lit, res.typeOf(a.column), a.column.name, seen);
    }
    // DECLARE @d date = '2026-02-30', SET @id = 'x': the variable's declared type
    for (const d of nodesOfKind<A.DeclareStatement>(ctx.script, 'Declare')) {
      for (const item of d.items ?? []) {
        if (!item.init || !item.dataType || item.table || item.cursor) continue;
        const t = dataTypeToInfo(item.dataType);
        for (const lit of resultLiterals(item.init)) checkPair(ctx, lit, t, item.name.name, seen, false, true);
      }
    }
    for (const sv of nodesOfKind<A.SetVariableStatement>(ctx.script, 'SetVariable')) {
      if (sv.op !== '=' || sv.cursor || !sv.value) continue;
      const t = res.variables.get(sv.variable)?.type;
      for (const lit of resultLiterals(sv.value)) checkPair(ctx, lit, t, sv.variable.name, seen, false, true);
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
      if (l) checkPair(ctx, literalOf(b.right), l[0], l[1], seen, true);
      if (r) checkPair(ctx, literalOf(b.left), r[0], r[1], seen, true);
    }
    for (const i of nodesOfKind<A.InExpression>(ctx.script, 'In')) {
      const c = colType(i.expr);
      if (c) for (const x of i.list ?? []) checkPair(ctx, literalOf(x), c[0], c[1], seen, true);
    }
    for (const b of nodesOfKind<A.BetweenExpression>(ctx.script, 'Between')) {
      const c = colType(b.expr);
      if (c) { checkPair(ctx, literalOf(b.low), c[0], c[1], seen, true); checkPair(ctx, literalOf(b.high), c[0], c[1], seen, true); }
    }
  },
};
