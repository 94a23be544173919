// Entry details as a read-only document; every .NET stack frame is a link to the workspace line.
import * as vscode from 'vscode';
import { LogEntry } from './model';
import { maskPii } from './piiDetectors';
import { bestPathMatch, findMemberLine, parseStackFrames } from './stackFrames';

export const ENTRY_SCHEME = 'etaitur-log-entry';

export function renderEntry(e: LogEntry, mask: boolean): string {
  const lines = [`${e.time ?? ''} [${e.level ?? '?'}] ${e.message}`, '', `File: ${e.file}:${e.line}`];
  if (e.template) lines.push(`Template: ${e.template}`);
  const props = Object.entries(e.properties);
  if (props.length) { lines.push('', 'Properties:'); for (const [k, v] of props) lines.push(`  ${k} = ${typeof v === 'string' ? v : JSON.stringify(v)}`); }
  if (e.exception) lines.push('', e.exception);
  else if (e.unparsed) lines.push('', e.raw);
  const text = lines.join('\n') + '\n';
  return mask ? maskPii(text) : text;
}

export class EntryDocuments implements vscode.TextDocumentContentProvider, vscode.DocumentLinkProvider {
  private readonly docs = new Map<string, string>();
  private seq = 0;

  add(e: LogEntry, mask: boolean): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: ENTRY_SCHEME, path: `/entry-${++this.seq}.etaitur-log` });
    this.docs.set(uri.toString(), renderEntry(e, mask));
    if (this.docs.size > 50) this.docs.delete(this.docs.keys().next().value!);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.toString()) ?? '';
  }

  provideDocumentLinks(doc: vscode.TextDocument): vscode.DocumentLink[] {
    return parseStackFrames(doc.getText()).map((f) => {
      const range = new vscode.Range(doc.positionAt(f.offset), doc.positionAt(f.offset + f.length));
      const link = new vscode.DocumentLink(range, vscode.Uri.parse(`command:etaitur.logs.openFrame?${encodeURIComponent(JSON.stringify([f.method, f.file ?? '', f.line ?? 0]))}`));
      link.tooltip = f.file ? `${f.file}:${f.line}` : f.method;
      return link;
    });
  }
}

/**
 * Opens a frame's line: the workspace file with the longest matching path suffix; else Class.Method
 * by workspace symbol search; else (no C# symbol provider) by reading the class's .cs files.
 */
export async function openFrame(method: string, file: string, line: number): Promise<void> {
  if (file) {
    const base = file.split(/[\\/]/).pop()!;
    const found = await vscode.workspace.findFiles(`**/${base}`, '**/{node_modules,bin,obj}/**', 50);
    const best = bestPathMatch(file, found.map((u) => u.fsPath));
    if (best) {
      const pos = new vscode.Position(Math.max(0, line - 1), 0);
      await vscode.window.showTextDocument(vscode.Uri.file(best), { selection: new vscode.Range(pos, pos) });
      return;
    }
  }
  const parts = method.split('.');
  const member = parts.pop() ?? method;
  const type = parts.pop() ?? '';
  const symbols = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', member)) ?? [];
  const hit = symbols.find((s) => s.name.startsWith(member) && (!type || s.containerName?.endsWith(type))) ?? symbols.find((s) => s.name.startsWith(member));
  if (hit) {
    await vscode.window.showTextDocument(hit.location.uri, { selection: hit.location.range });
    return;
  }
  if (type) {
    const exclude = '**/{node_modules,bin,obj}/**';
    const named = await vscode.workspace.findFiles(`**/${type}.cs`, exclude, 20);
    const candidates = named.length ? named : await vscode.workspace.findFiles('**/*.cs', exclude, 2000);
    // Files whose path matches the namespace first (ETaitur.Arest.Services → .../ETaitur.Arest/Services/...).
    const ns = parts.join('.');
    candidates.sort((a, b) => bestSuffixScore(b.fsPath, ns) - bestSuffixScore(a.fsPath, ns));
    for (const uri of candidates) {
      const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
      const at = findMemberLine(text, type, member);
      if (at !== undefined) {
        const pos = new vscode.Position(at - 1, 0);
        await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos) });
        return;
      }
    }
  }
  void vscode.window.showWarningMessage(vscode.l10n.t('No workspace file or symbol found for {0}', method));
}

function bestSuffixScore(fsPath: string, ns: string): number {
  const p = fsPath.replace(/\\/g, '/').toLowerCase();
  return ns.split('.').filter((seg) => seg && p.includes(seg.toLowerCase())).length;
}
