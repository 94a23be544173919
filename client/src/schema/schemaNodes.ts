// Tree nodes for the schema browser: stable ids (so expansion survives reloads) and contextValues for menus.
import * as vscode from 'vscode';
import type { ColumnInfo, TableInfo } from '../../../server/src/schema/model';
import { columnTypeText } from './columnType';

export type SchemaNode = SchemaFolderNode | TableNode | ColumnNode;

export class SchemaFolderNode extends vscode.TreeItem {
  override readonly contextValue = 'etaitur.schema';
  constructor(readonly schemaName: string, readonly tables: readonly TableInfo[]) {
    super(schemaName, vscode.TreeItemCollapsibleState.Expanded);
    this.id = `schema:${schemaName.toLowerCase()}`;
    this.iconPath = new vscode.ThemeIcon('symbol-namespace');
    this.description = vscode.l10n.t('{0} objects', tables.length);
  }
}

export class TableNode extends vscode.TreeItem {
  constructor(readonly table: TableInfo) {
    super(table.name, vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `table:${table.schema.toLowerCase()}.${table.name.toLowerCase()}`;
    this.contextValue = table.kind === 'view' ? 'etaitur.view' : 'etaitur.table';
    this.iconPath = new vscode.ThemeIcon(table.kind === 'view' ? 'eye' : 'table');
    this.description = table.kind === 'view' ? vscode.l10n.t('view') : undefined;
    this.tooltip = table.description ?? `${table.schema}.${table.name}`;
    if (table.location?.file) {
      const loc = table.location;
      this.command = {
        command: 'vscode.open',
        title: vscode.l10n.t('Open definition'),
        arguments: [
          vscode.Uri.file(loc.file),
          { selection: new vscode.Range(loc.start.line, loc.start.character, loc.start.line, loc.start.character) },
        ],
      };
    }
  }
}

export class ColumnNode extends vscode.TreeItem {
  constructor(readonly table: TableInfo, readonly column: ColumnInfo, isKey: boolean) {
    super(column.name, vscode.TreeItemCollapsibleState.None);
    this.id = `column:${table.schema.toLowerCase()}.${table.name.toLowerCase()}.${column.name.toLowerCase()}`;
    this.contextValue = 'etaitur.column';
    this.iconPath = new vscode.ThemeIcon(isKey ? 'key' : 'symbol-field');
    this.description = columnTypeText(column);
    this.tooltip = column.description;
  }
}
