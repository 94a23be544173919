// Inline disables in comments:
//   -- etaitur-disable-next-line rule-id[, rule-id]
//   -- etaitur-disable-line rule-id
//   -- etaitur-disable [rule-id, ...]  ...  -- etaitur-enable [rule-id, ...]
// No id means all rules.
import type { Comment } from '../sql/ast';
import { LineIndex } from '../text/lineIndex';

interface LineRule { line: number; ids?: Set<string> }
interface BlockRule { start: number; end: number; ids?: Set<string> }

export class InlineDisables {
  private readonly lines: LineRule[] = [];
  private readonly blocks: BlockRule[] = [];

  constructor(private readonly index: LineIndex, comments: readonly Comment[]) {
    const open = new Map<string, number>(); // id or '*' -> start offset
    for (const c of comments) {
      const body = c.text.replace(/^--|^\/\*|\*\/$/g, '').trim();
      const m = /^etaitur-(disable-next-line|disable-line|disable|enable)\b(.*)$/i.exec(body);
      if (!m) continue;
      const verb = m[1].toLowerCase();
      const idList = m[2].split(/[\s,]+/).map((s) => s.trim()).filter((s) => s && !s.startsWith('--'));
      const ids = idList.length ? new Set(idList) : undefined;
      const line = index.positionAt(c.range.start).line;
      if (verb === 'disable-next-line') this.lines.push({ line: line + 1, ids });
      else if (verb === 'disable-line') this.lines.push({ line, ids });
      else if (verb === 'disable') for (const id of ids ?? ['*']) open.set(id, c.range.end);
      else {
        const closing = ids ? [...ids] : [...open.keys()];
        for (const id of closing) {
          const start = open.get(id);
          if (start === undefined) continue;
          open.delete(id);
          this.blocks.push({ start, end: c.range.start, ids: id === '*' ? undefined : new Set([id]) });
        }
      }
    }
    for (const [id, start] of open) this.blocks.push({ start, end: Number.MAX_SAFE_INTEGER, ids: id === '*' ? undefined : new Set([id]) });
  }

  isDisabled(code: string, offset: number): boolean {
    if (!this.lines.length && !this.blocks.length) return false;
    for (const b of this.blocks) if (offset >= b.start && offset <= b.end && (!b.ids || b.ids.has(code))) return true;
    if (this.lines.length) {
      const line = this.index.positionAt(offset).line;
      for (const l of this.lines) if (l.line === line && (!l.ids || l.ids.has(code))) return true;
    }
    return false;
  }
}
