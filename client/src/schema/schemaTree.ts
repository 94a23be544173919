// Thin TreeDataProvider over SchemaService: schemas > tables/views > columns.
import * as vscode from 'vscode';
import { ColumnNode, SchemaFolderNode, type SchemaNode, TableNode } from './schemaNodes';
import type { SchemaService } from './schemaService';

export class SchemaTreeProvider implements vscode.TreeDataProvider<SchemaNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SchemaNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly sub: vscode.Disposable;

  constructor(private readonly service: SchemaService) {
    this.sub = service.onDidChange(() => this.changed.fire(undefined));
  }

  getTreeItem(node: SchemaNode): vscode.TreeItem {
    return node;
  }

  getChildren(node?: SchemaNode): SchemaNode[] {
    const state = this.service.current;
    // Empty roots let the view's welcome content explain what to configure.
    if (state.kind !== 'loaded') return [];
    const schema = state.result.schema;
    if (!node) {
      return schema.schemas().map(
        (s) =>
          new SchemaFolderNode(
            s,
            schema.tables.filter((t) => t.schema === s).sort((a, b) => a.name.localeCompare(b.name)),
          ),
      );
    }
    if (node instanceof SchemaFolderNode) return node.tables.map((t) => new TableNode(t));
    if (node instanceof TableNode) {
      const keys = new Set((node.table.primaryKey?.columns ?? []).map((c) => schema.key(c)));
      return node.table.columns.map((c) => new ColumnNode(node.table, c, keys.has(schema.key(c.name))));
    }
    return [];
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
