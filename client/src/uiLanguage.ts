// The UI language for texts the core gives in both languages (error messages, reports).
import * as vscode from 'vscode';

export type UiLang = 'en' | 'et';

export function uiLang(): UiLang {
  return vscode.env.language.startsWith('et') ? 'et' : 'en';
}

/** The text of a two-language message in the UI language. */
export function inUiLang(message: { en: string; et: string }): string {
  return message[uiLang()];
}
