// Command-line arguments of the checker.
export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliArgs {
  schema?: string;
  /** Name of a connection profile: the schema is read from the live database. */
  connection?: string;
  /** File with the profiles (default: "connections" in etaitur.json). */
  connections?: string;
  /** .klass files or folders for unknown-classifier-code (repeatable). */
  classifiers: string[];
  format: OutputFormat;
  config?: string;
  lang: 'en' | 'et';
  help: boolean;
  paths: string[];
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CliArgs {
  const out: CliArgs = { classifiers: [], format: 'text', lang: 'en', help: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--help': case '-h': out.help = true; break;
      case '--schema': out.schema = value(); break;
      case '--config': out.config = value(); break;
      case '--connection': out.connection = value(); break;
      case '--connections': out.connections = value(); break;
      case '--classifiers': out.classifiers.push(value()); break;
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${f}"`);
        out.format = f;
        break;
      }
      case '--lang': {
        const l = value();
        if (l !== 'en' && l !== 'et') throw new UsageError(`--lang must be en or et, not "${l}"`);
        out.lang = l;
        break;
      }
      case '--': out.paths.push(...argv.slice(i + 1)); i = argv.length; break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        out.paths.push(a);
    }
  }
  if (!out.help && out.schema !== undefined && out.connection !== undefined) throw new UsageError('use either --schema or --connection, not both');
  if (!out.help && out.connections !== undefined && out.connection === undefined) throw new UsageError('--connections needs --connection NAME');
  if (!out.help && out.paths.length === 0) throw new UsageError('no files or folders to check (try --help)');
  return out;
}

export const HELP = `Usage: etaitur-check [--schema PATH | --connection NAME [--connections FILE]] [--classifiers PATH] [--format text|json|sarif] [--config FILE] [--lang en|et] PATH...

Checks T-SQL fix scripts. PATH may be a .sql file or a folder (searched recursively for *.sql,
skipping node_modules and .git).

  --schema PATH   schema to check against: a snapshot .json file, or a DDL .sql file or folder
  --connection NAME
                  read the schema from the live database of connection profile NAME (read-only,
                  one catalog query); the password is taken from the ETAITUR_DB_PASSWORD
                  environment variable
  --connections FILE
                  JSON file with the profiles: an array, or an object with a "connections" array
                  (default: "connections" in etaitur.json)
  --classifiers PATH
                  classifier files (.klass) or a folder of them: codes written to classifier
                  columns are checked against them (unknown-classifier-code); repeatable
  --format F      text (default): file:line:col severity code message
                  json: [{file, line, column, endLine, endColumn, severity, code, message}]
                  sarif: SARIF 2.1.0
  --config FILE   etaitur.json to use (default: the nearest one above the first PATH)
  --lang et       messages in Estonian
  --help          this text

Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable input.
`;
