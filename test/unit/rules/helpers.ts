// Shared fixture for rule tests: the e-Täitur fixture schema, and a check that returns rule codes.
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { schemaFromDdlTexts } from '../../../server/src/schema/ddlSource';
import type { Schema } from '../../../server/src/schema/model';
import { checkScript } from '../../../server/src/check/checkScript';
import type { CheckerConfig } from '../../../server/src/config/config';
import type { Finding } from '../../../server/src/rules/rule';

const DDL = path.join(__dirname, '../../fixtures/schema/etaitur.sql');
let cached: Schema | undefined;

export function fixtureSchema(): Schema {
  if (!cached) cached = schemaFromDdlTexts([{ path: DDL, text: readFileSync(DDL, 'utf8') }]).schema;
  return cached;
}

export function findings(sql: string, opts: { schema?: boolean; config?: CheckerConfig } = {}): Finding[] {
  return checkScript(sql, { schema: opts.schema === false ? undefined : fixtureSchema(), config: opts.config }).findings;
}

/** The codes found, optionally only one rule's. */
export function codes(sql: string, opts: { schema?: boolean; config?: CheckerConfig } = {}): string[] {
  return findings(sql, opts).map((f) => f.code);
}

/** Wraps statements in a well-formed transaction so safety rules stay quiet. */
export function tx(body: string): string {
  return `SET XACT_ABORT ON;\nBEGIN TRAN;\n${body}\nIF @@ROWCOUNT <> 1 BEGIN ROLLBACK; RETURN; END\nCOMMIT;\n`;
}
