// Interned words with their upper-cased forms, shared by every scan in the process: scripts (and
// the same script re-parsed keystroke after keystroke) repeat the same names and keywords, and a
// known word then costs neither a new string, nor upper-casing, nor hashing one. An open-addressing
// table keyed by a hash of the char codes and compared in place against the text (no slice per look-up).

/** Linear probing gives up after this many occupied slots (a table at most half full rarely needs 3). */
const MAX_PROBES = 32;
/** Past this many words the table starts over, so that a stream of distinct words cannot grow it without end. */
const MAX_WORDS = 1 << 17;
const INITIAL_SIZE = 4096;

/** One step of the word hash (a 31-polynomial over char codes, as Java's String.hashCode). */
export function wordHashStep(h: number, c: number): number {
  return (Math.imul(h, 31) + c) | 0;
}

export class WordTable {
  private hashes = new Int32Array(INITIAL_SIZE);
  private texts: (string | undefined)[] = new Array<string | undefined>(INITIAL_SIZE);
  private uppers: string[] = new Array<string>(INITIAL_SIZE);
  private count = 0;

  /**
   * The slot of text[start..end), added if new, for text() and upper(); -1 after too many probes
   * (words crafted to share a hash then cost a slice each instead of a scan of the table each).
   * `hash`: the word's hash when the caller already folded it with wordHashStep.
   */
  slot(text: string, start: number, end: number, hash?: number): number {
    let h = 0;
    if (hash !== undefined) h = hash;
    else for (let k = start; k < end; k++) h = wordHashStep(h, text.charCodeAt(k));
    const len = end - start;
    const texts = this.texts;
    const mask = texts.length - 1;
    let slot = (h ^ (h >>> 15)) & mask;
    for (let probes = 0; ; probes++) {
      const w = texts[slot];
      if (w === undefined) break;
      if (this.hashes[slot] === h && w.length === len && sameChars(w, text, start)) return slot;
      if (probes === MAX_PROBES) return -1;
      slot = (slot + 1) & mask;
    }
    if (this.count >= MAX_WORDS) {
      this.clear();
      return this.slot(text, start, end, h);
    }
    const w = text.slice(start, end);
    texts[slot] = w;
    this.hashes[slot] = h;
    this.uppers[slot] = internalized(w.toUpperCase());
    if (++this.count * 2 > texts.length) return this.grow(slot);
    return slot;
  }

  text(slot: number): string {
    return this.texts[slot]!;
  }

  upper(slot: number): string {
    return this.uppers[slot];
  }

  private clear(): void {
    this.hashes = new Int32Array(INITIAL_SIZE);
    this.texts = new Array<string | undefined>(INITIAL_SIZE);
    this.uppers = new Array<string>(INITIAL_SIZE);
    this.count = 0;
  }

  /** Doubles the table; returns the new slot of the entry at `keep`. */
  private grow(keep: number): number {
    const oldTexts = this.texts, oldHashes = this.hashes, oldUppers = this.uppers;
    const size = oldTexts.length * 2;
    const mask = size - 1;
    this.texts = new Array<string | undefined>(size);
    this.hashes = new Int32Array(size);
    this.uppers = new Array<string>(size);
    let kept = 0;
    for (let i = 0; i < oldTexts.length; i++) {
      const w = oldTexts[i];
      if (w === undefined) continue;
      const h = oldHashes[i];
      let slot = (h ^ (h >>> 15)) & mask;
      while (this.texts[slot] !== undefined) slot = (slot + 1) & mask;
      this.texts[slot] = w;
      this.hashes[slot] = h;
      this.uppers[slot] = oldUppers[i];
      if (i === keep) kept = slot;
    }
    return kept;
  }
}

/** Does `text` continue at `start` with all of `w`? (A loop the JIT inlines; startsWith is a call.) */
function sameChars(w: string, text: string, start: number): boolean {
  for (let k = 0; k < w.length; k++) if (w.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/**
 * The engine's canonical copy of a string (a property key is interned): the parser compares every
 * word's upper-case form with keyword literals, and two interned strings compare by identity.
 */
function internalized(s: string): string {
  const o: Record<string, number> = {};
  o[s] = 0;
  return Object.keys(o)[0];
}
