// The checker's command line as a function: testable without a process.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { decodeSqlFile } from '../files/sqlFileText';
import { parseArgs, HELP, UsageError } from './args';
import { collectSqlFiles, InputError } from './files';
import { formatJson, formatSarif, formatText, toJsonFindings, type FileFindings } from './formats';
import { checkScript } from '../check/checkScript';
import { RULES } from '../rules';
import { ConfigError, DEFAULT_CONFIG, type CheckerConfig } from '../config/config';
import { findConfigFile, loadConfigFile } from '../config/loader';
import type { Schema } from '../schema/model';
import { loadDdlSchema } from '../schema/ddlSource';
import { loadSnapshotSchema } from '../schema/snapshotSource';
import { loadClassifierCatalog } from '../classifier/loadFiles';
import { loadLiveSchema, readConnectionsFile } from './liveSchema';

export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Environment for ETAITUR_DB_PASSWORD (default: process.env). */
  env?: Record<string, string | undefined>;
}

const VERSION = '0.1.0';

async function loadSchema(p: string, config: CheckerConfig): Promise<Schema> {
  const opts = { caseSensitive: config.caseSensitive, ...(config.schema?.defaultSchema ? { defaultSchema: config.schema.defaultSchema } : {}) };
  try {
    await fs.stat(p);
  } catch (e) {
    throw new InputError(`cannot read schema ${p}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    if (p.toLowerCase().endsWith('.json')) return (await loadSnapshotSchema(p, opts)).schema;
    return (await loadDdlSchema([p], opts)).schema;
  } catch (e) {
    throw new InputError(`cannot load schema ${p}: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** Runs the CLI; returns the exit code (0 clean, 1 errors found, 2 usage or input problem). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      io.stdout(HELP);
      return 0;
    }
    const known = new Set(RULES.map((r) => r.id));
    let config = DEFAULT_CONFIG;
    let configDir: string | undefined;
    const configFile = args.config ?? (await findConfigFile(args.paths[0]));
    if (configFile) {
      const loaded = await loadConfigFile(configFile, known).catch((e) => {
        if (e instanceof ConfigError) throw new InputError(`${configFile}: ${e.message}`);
        throw new InputError(`cannot read config ${configFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      });
      config = loaded.config;
      configDir = path.dirname(configFile);
    }
    let schema: Schema | undefined;
    if (args.schema) schema = await loadSchema(args.schema, config);
    else if (args.connection !== undefined) {
      const profiles = args.connections ? await readConnectionsFile(args.connections) : (config.connections ?? []);
      schema = await loadLiveSchema(profiles, args.connection, io.env ?? process.env, args.lang);
    }
    else if (config.schema && configDir) {
      const s = config.schema;
      if (s.snapshot) schema = await loadSchema(path.resolve(configDir, s.snapshot), config);
      else if (s.ddl?.length) {
        const r = await loadDdlSchema(s.ddl.map((d) => path.resolve(configDir!, d)), { caseSensitive: config.caseSensitive });
        schema = r.schema;
      }
    }
    const classifiers = args.classifiers.length ? await loadClassifierCatalog(args.classifiers) : undefined;
    const files = await collectSqlFiles(args.paths);
    const results: FileFindings[] = [];
    for (const file of files) {
      let text: string;
      try {
        // SSMS saves scripts as UTF-16 with a BOM by default; older tools in windows-1257
        text = decodeSqlFile(await fs.readFile(file));
      } catch (e) {
        throw new InputError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      const { findings } = checkScript(text, { schema, config, classifiers });
      results.push({ file, text, findings });
    }
    const items = toJsonFindings(results, args.lang);
    if (args.format === 'json') io.stdout(formatJson(items));
    else if (args.format === 'sarif') io.stdout(formatSarif(items, args.lang, VERSION));
    else io.stdout(formatText(items));
    return items.some((i) => i.severity === 'error') ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      io.stderr(`etaitur-check: ${e.message}\n`);
      return 2;
    }
    io.stderr(`etaitur-check: ${(e as Error).message?.split('\n')[0] ?? String(e)}\n`);
    return 2;
  }
}
