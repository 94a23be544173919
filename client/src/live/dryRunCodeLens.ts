// A "Dry run" lens on the first line of every SQL document.
import * as vscode from 'vscode';

export class DryRunCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (document.lineCount === 0) return [];
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title: vscode.l10n.t('$(debug-alt) Dry run (always rolled back)'),
        command: 'etaitur.dryRun',
        arguments: [document.uri],
      }),
    ];
  }
}
