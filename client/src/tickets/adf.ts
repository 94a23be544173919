// Atlassian Document Format (Jira Cloud rich text) to plain text.

interface AdfNode {
  type?: string;
  text?: string;
  content?: AdfNode[];
  attrs?: Record<string, unknown>;
}

const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'codeBlock', 'rule', 'panel', 'tableRow', 'mediaSingle']);

/** Accepts ADF, a plain string (API v2) or anything else (empty text); never throws. */
export function adfToText(doc: unknown): string {
  if (typeof doc === 'string') return doc;
  if (!doc || typeof doc !== 'object') return '';
  const out: string[] = [];
  walk(doc as AdfNode, out, '', 0);
  return out.join('').replace(/\n{3,}/g, '\n\n').trim();
}

function walk(node: AdfNode, out: string[], prefix: string, depth: number): void {
  if (depth > 100) return; // hostile nesting
  switch (node.type) {
    case 'text':
      out.push(node.text ?? '');
      return;
    case 'hardBreak':
      out.push('\n');
      return;
    case 'mention':
    case 'emoji':
      out.push(String(node.attrs?.text ?? node.attrs?.shortName ?? ''));
      return;
    case 'inlineCard':
      out.push(String(node.attrs?.url ?? ''));
      return;
    case 'rule':
      out.push('---\n\n');
      return;
  }
  const children = Array.isArray(node.content) ? node.content : [];
  if (node.type === 'bulletList' || node.type === 'orderedList') {
    children.forEach((item, n) => {
      out.push(prefix + (node.type === 'orderedList' ? `${n + 1}. ` : '- '));
      const inner: string[] = [];
      for (const c of Array.isArray(item.content) ? item.content : []) walk(c, inner, prefix + '  ', depth + 1);
      out.push(inner.join('').trim() + '\n');
    });
    out.push('\n');
    return;
  }
  if (node.type === 'tableCell' || node.type === 'tableHeader') {
    const inner: string[] = [];
    for (const c of children) walk(c, inner, prefix, depth + 1);
    out.push(inner.join('').trim() + ' | ');
    return;
  }
  for (const c of children) if (c && typeof c === 'object') walk(c, out, prefix, depth + 1);
  if (node.type && BLOCKS.has(node.type)) out.push(node.type === 'tableRow' ? '\n' : '\n\n');
}

/** Plain text to a minimal ADF document for posting comments to API v3. */
export function textToAdf(text: string): object {
  return {
    type: 'doc',
    version: 1,
    content: text.split(/\n{2,}/).map((p) => ({
      type: 'paragraph',
      content: p.split('\n').flatMap((line, n) => (n ? [{ type: 'hardBreak' }] : []).concat(line ? [{ type: 'text', text: line }] as never[] : [])),
    })),
  };
}
