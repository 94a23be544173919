// The workspace's classifier catalog for the language server: .klass files under the workspace folders,
// read asynchronously once and again after they change, with open classifier documents' unsaved text on top.
import { ClassifierCatalog, classifierFromFile, isoToday, type CatalogClassifier } from '../classifier/catalog';
import { readClassifierFiles } from '../classifier/loadFiles';

export class ClassifierCatalogStore {
  private disk?: Promise<Map<string, string>>;
  private readonly open = new Map<string, string>();
  private catalog?: ClassifierCatalog;
  /** Parsed files by path, reused while their text is the same (an edit re-parses one file, not all). */
  private readonly parsed = new Map<string, { text: string; classifier?: CatalogClassifier }>();

  constructor(private readonly folders: () => string[], private readonly log: (m: string) => void) {}

  private readDisk(): Promise<Map<string, string>> {
    if (!this.disk) {
      const report = (f: string, e: unknown) => this.log(`classifier file ${f}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      this.disk = readClassifierFiles(this.folders(), report).then((texts) => new Map(texts.map((t) => [t.file, t.text])));
    }
    return this.disk;
  }

  /** The catalog; the same object until a file or open document changes (analysis caches compare it). */
  async get(): Promise<ClassifierCatalog> {
    const disk = await this.readDisk();
    if (this.catalog && this.catalog.today === isoToday()) return this.catalog;
    const merged = new Map(disk);
    for (const [file, text] of this.open) merged.set(file, text);
    const list: CatalogClassifier[] = [];
    for (const [file, text] of merged) {
      let hit = this.parsed.get(file);
      if (!hit || hit.text !== text) {
        let classifier: CatalogClassifier | undefined;
        try { classifier = classifierFromFile(file, text); } catch { /* a broken file contributes nothing */ }
        hit = { text, classifier };
        this.parsed.set(file, hit);
      }
      if (hit.classifier) list.push(hit.classifier);
    }
    for (const file of [...this.parsed.keys()]) if (!merged.has(file)) this.parsed.delete(file);
    this.catalog = new ClassifierCatalog(list);
    return this.catalog;
  }

  /** An open document's text (undefined when it closes: the file on disk counts again). Returns whether anything changed. */
  setOpen(file: string, text: string | undefined): boolean {
    if (this.open.get(file) === text) return false;
    if (text === undefined) this.open.delete(file); else this.open.set(file, text);
    this.catalog = undefined;
    return true;
  }

  /** Files changed on disk: re-read when any is a classifier file. Returns whether it was. */
  invalidate(files: readonly string[]): boolean {
    if (!files.some((f) => /\.klass$/i.test(f))) return false;
    this.disk = undefined;
    this.catalog = undefined;
    return true;
  }

  clear(): void { this.disk = undefined; this.catalog = undefined; }
}
