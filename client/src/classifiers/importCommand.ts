// "Import classifier from table": writes a .klass file from a table of the loaded schema and its rows, read
// live (one SELECT) or from the INSERT statements of a seed script. Never overwrites a file without asking.
import * as vscode from 'vscode';
import type { Schema, TableInfo } from '../../../server/src/schema/model';
import { classifierFromRows, guessMapping, rowsFromSeedScript, type Row } from '../../../server/src/classifier/importTable';
import { parseClassifier } from '../../../server/src/classifier/parse';
import { dbText } from '../../../server/src/classifier/drift';
import { ClassifierReadError, readClassifierRows } from '../../../server/src/classifier/readRows';
import { parseScript } from '../../../server/src/sql/parser';
import { pickProfile } from '../live/profiles';
import type { PasswordStore } from '../live/passwords';
import type { Ctx } from '../ctx';
import { inUiLang } from '../uiLanguage';

/** Arguments for scripted use (tests, tasks); without them the command asks. */
export interface ImportOptions {
  table?: string;
  /** A seed script (.sql) whose INSERTs hold the rows; without it the rows are read live. */
  seedScript?: string;
  /** Path of the .klass file to write. */
  target?: string;
  /** true: replace an existing file without asking; false: never replace it. */
  overwrite?: boolean;
}

function optionsOf(raw: unknown): ImportOptions {
  if (!raw || typeof raw !== 'object' || raw instanceof vscode.Uri) return {};
  const o = raw as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  return { table: str('table'), seedScript: str('seedScript'), target: str('target'), overwrite: typeof o.overwrite === 'boolean' ? o.overwrite : undefined };
}

async function pickTable(schema: Schema, given?: string): Promise<TableInfo | undefined> {
  if (given) {
    const parts = given.split('.');
    return schema.findTable(parts[parts.length - 1], parts.length > 1 ? parts[0] : undefined);
  }
  const picked = await vscode.window.showQuickPick(
    schema.tables.filter((t) => t.kind === 'table').map((t) => ({ label: `${t.schema}.${t.name}`, description: t.description, table: t })),
    { title: vscode.l10n.t('Import a classifier from which table?'), matchOnDescription: true });
  return picked?.table;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

export async function importClassifier(ctx: Ctx, passwords: PasswordStore, raw?: unknown): Promise<vscode.Uri | undefined> {
  const o = optionsOf(raw);
  const state = ctx.schema.current;
  if (state.kind !== 'loaded') {
    void vscode.window.showErrorMessage(vscode.l10n.t('No schema loaded: set etaitur.schema (DDL or snapshot) or connect to a database first.'));
    return undefined;
  }
  const schema = state.result.schema;
  const table = await pickTable(schema, o.table);
  if (!table) {
    if (o.table) void vscode.window.showErrorMessage(vscode.l10n.t('Table {0} is not in the schema.', o.table));
    return undefined;
  }
  const mapping = guessMapping(table);
  if (!mapping) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} has no code column (Kood/Code, or a one-column key).', `${table.schema}.${table.name}`));
    return undefined;
  }
  let rows: Row[];
  try {
    let seed = o.seedScript ? vscode.Uri.file(o.seedScript) : undefined;
    if (!seed && o.table === undefined) {
      const live = vscode.l10n.t('Rows from a database (connection profile)');
      const script = vscode.l10n.t('Rows from a seed script (INSERT statements)');
      const choice = await vscode.window.showQuickPick([live, script], { title: vscode.l10n.t('Where do the codes come from?') });
      if (!choice) return undefined;
      if (choice === script) {
        seed = (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { SQL: ['sql'] }, title: vscode.l10n.t('Seed script') }))?.[0];
        if (!seed) return undefined;
      }
    }
    if (seed) {
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(seed));
      rows = rowsFromSeedScript(parseScript(text), table, schema).rows;
    } else {
      const profile = await pickProfile(vscode.l10n.t('Read the table from which database?'));
      if (!profile) return undefined;
      const password = await passwords.get(profile);
      if (password === undefined) return undefined;
      const file = parseClassifier(classifierFromRows(table, mapping, []));
      const snapshot = await readClassifierRows(profile, password, file, { requestTimeoutMs: 30_000, connectionTimeoutMs: 15_000 });
      rows = snapshot.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, dbText(v) ?? null])));
    }
  } catch (e) {
    const reason = e instanceof ClassifierReadError ? inUiLang(e.info.message) : e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot import the classifier: {0}', reason));
    return undefined;
  }
  const text = classifierFromRows(table, mapping, rows);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = `${table.name.replace(/([a-zäöüõ])([A-ZÄÖÜÕ])/g, '$1-$2').toLowerCase()}.klass`;
  let target = o.target ? vscode.Uri.file(o.target) : undefined;
  // The save dialog asks about replacing an existing file itself.
  let confirmed = false;
  if (!target) {
    confirmed = true;
    target = await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, 'klassifikaatorid', fileName) : undefined, filters: { [vscode.l10n.t('Classifier')]: ['klass'] } });
    if (!target) return undefined;
  }
  if (!confirmed && await exists(target)) {
    let replace = o.overwrite;
    if (replace === undefined) {
      const yes = vscode.l10n.t('Replace');
      replace = (await vscode.window.showWarningMessage(vscode.l10n.t('{0} exists. Replace it with the imported classifier?', target.fsPath), { modal: true }, yes)) === yes;
    }
    if (!replace) return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false });
  return target;
}
