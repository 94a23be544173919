// Reading and writing schema snapshot files (format in snapshotFormat.ts).

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SchemaLoadResult, SchemaOptions, SchemaSource } from './model';
import { SnapshotFile, parseSnapshot, serializeSnapshot } from './snapshotFormat';

export class SnapshotError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly jsonPath?: string,
  ) {
    super(message);
  }
}

function ageText(ms: number): string {
  const h = ms / 3_600_000;
  if (h < 1) return `${Math.max(0, Math.round(ms / 60_000))} min old`;
  if (h < 48) return `${Math.round(h)} h old`;
  return `${Math.round(h / 24)} days old`;
}

/** Loads and validates a snapshot; a bad file rejects with a SnapshotError naming the file and the JSON path. */
export async function loadSnapshotSchema(file: string, options?: Partial<SchemaOptions>, signal?: AbortSignal): Promise<SchemaLoadResult> {
  let text: string;
  try {
    text = await fs.readFile(file, { encoding: 'utf8', signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new SnapshotError(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, file);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = parseSnapshot(text, options);
  if (!parsed.ok) throw new SnapshotError(`${file}: ${parsed.path}: ${parsed.error}`, file, parsed.path);
  const from = parsed.source.database ? ` of ${parsed.source.database}` : '';
  return {
    schema: parsed.schema,
    warnings: [],
    loadedAt: new Date(),
    description: `snapshot${from}: ${parsed.schema.size} tables (${ageText(Date.now() - parsed.generatedAt.getTime())})`,
  };
}

export class SnapshotSchemaSource implements SchemaSource {
  readonly kind = 'snapshot' as const;

  constructor(
    readonly file: string,
    private readonly options?: Partial<SchemaOptions>,
  ) {}

  load(signal?: AbortSignal): Promise<SchemaLoadResult> {
    return loadSnapshotSchema(this.file, this.options, signal);
  }
}

export class SnapshotExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} already exists; pass overwrite to replace it`);
  }
}

/**
 * Writes a snapshot atomically: to a temp file beside the target, then renamed into place.
 * Without `overwrite`, an existing target is left untouched and SnapshotExistsError is thrown
 * (checked atomically with a hard link, so a file appearing meanwhile is not clobbered either).
 */
export async function writeSnapshot(file: string, snapshot: SnapshotFile, opts: { overwrite: boolean }): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await fs.writeFile(tmp, serializeSnapshot(snapshot), { encoding: 'utf8', flag: 'wx' });
  try {
    if (opts.overwrite) {
      await fs.rename(tmp, file);
    } else {
      try {
        await fs.link(tmp, file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new SnapshotExistsError(file);
        throw e;
      }
      await fs.unlink(tmp);
    }
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  }
}
