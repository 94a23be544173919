// The Classifiers view: the workspace's .klass files > their codes with names; deprecated and expired codes
// are marked; a click opens the code's line. Files are found and read asynchronously, re-read when they change.
import * as vscode from 'vscode';
import { ClassifierCatalog, codeNames, type CatalogClassifier, type ClassifierCode } from '../../../server/src/classifier/catalog';

type Node = { kind: 'classifier'; c: CatalogClassifier } | { kind: 'code'; c: CatalogClassifier; code: ClassifierCode };

export class ClassifierTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private catalog?: Promise<ClassifierCatalog>;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.klass');
    this.disposables.push(watcher, watcher.onDidCreate(() => this.refresh()), watcher.onDidDelete(() => this.refresh()), watcher.onDidChange(() => this.refresh()),
      vscode.workspace.onDidSaveTextDocument((d) => { if (d.languageId === 'etaitur-classifier') this.refresh(); }));
  }

  refresh(): void {
    this.catalog = undefined;
    this.changed.fire(undefined);
  }

  private load(): Promise<ClassifierCatalog> {
    if (!this.catalog) {
      this.catalog = (async () => {
        const uris = await vscode.workspace.findFiles('**/*.klass', '**/{node_modules,.git,dist,out}/**', 2000);
        const files: { file: string; text: string }[] = [];
        const decoder = new TextDecoder('utf-8');
        for (const u of uris) {
          try { files.push({ file: u.toString(), text: decoder.decode(await vscode.workspace.fs.readFile(u)) }); } catch { /* unreadable: skip */ }
        }
        return ClassifierCatalog.fromFiles(files);
      })();
    }
    return this.catalog;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    const catalog = await this.load();
    if (!node) {
      return [...catalog.classifiers].sort((a, b) => a.name.localeCompare(b.name)).map((c) => ({ kind: 'classifier' as const, c }));
    }
    if (node.kind === 'classifier') return [...node.c.codes.values()].map((code) => ({ kind: 'code' as const, c: node.c, code }));
    return [];
  }

  async getTreeItem(node: Node): Promise<vscode.TreeItem> {
    const uri = vscode.Uri.parse(node.c.file);
    if (node.kind === 'classifier') {
      const item = new vscode.TreeItem(node.c.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `klass:${node.c.file}`;
      item.description = `${node.c.schema ? node.c.schema + '.' : ''}${node.c.table} · ${node.c.codes.size}`;
      item.tooltip = uri.fsPath || node.c.file;
      item.resourceUri = uri;
      item.contextValue = 'classifier';
      item.iconPath = new vscode.ThemeIcon('list-unordered');
      return item;
    }
    const today = (await this.load()).today;
    const code = node.code;
    const expired = !!code.until && code.until < today;
    const item = new vscode.TreeItem(code.code, vscode.TreeItemCollapsibleState.None);
    item.id = `klass:${node.c.file}#${code.code}`;
    const mark = expired
      ? vscode.l10n.t('expired {0}', code.until ?? '')
      : code.deprecated ? vscode.l10n.t('deprecated') : '';
    const repl = code.replacedBy ? ` → ${code.replacedBy}` : '';
    item.description = `${codeNames(code)}${mark ? ` (${mark}${repl})` : ''}`;
    item.tooltip = new vscode.MarkdownString(`**${node.c.name}** \`${code.code}\`\n\n- et: ${code.names.et ?? '—'}\n- en: ${code.names.en ?? '—'}\n- ru: ${code.names.ru ?? '—'}`);
    item.contextValue = expired ? 'classifierCode.expired' : code.deprecated ? 'classifierCode.deprecated' : 'classifierCode';
    item.iconPath = new vscode.ThemeIcon(expired || code.deprecated ? 'circle-slash' : 'symbol-enum-member');
    item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(code.line, 0, code.line, 0) }] };
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
