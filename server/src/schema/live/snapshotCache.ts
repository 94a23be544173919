// The live schema's offline cache: the last loaded schema as a snapshot file, with its age.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Schema } from '../model';
import { parseSnapshot } from '../snapshotFormat';
import { snapshotAge } from './liveSchemaSource';

export interface CachedSchema {
  schema: Schema;
  generatedAt: Date;
  /** "3 h", for the status bar: "snapshot (3 h old)". */
  age: string;
}

export async function writeSnapshotCache(file: string, json: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = file + '.tmp';
  await fs.writeFile(tmp, json, 'utf8');
  await fs.rename(tmp, file); // a crash mid-write never leaves a half file behind
}

/** Undefined when there is no cache or it is unreadable (the caller then waits for the live load). */
export async function readSnapshotCache(file: string, now: Date = new Date()): Promise<CachedSchema | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = parseSnapshot(text);
  if (!parsed.ok) return undefined;
  return { schema: parsed.schema, generatedAt: parsed.generatedAt, age: snapshotAge(parsed.generatedAt, now) };
}
