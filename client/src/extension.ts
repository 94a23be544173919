// Activation glue: build the context, start it, hand it to the host for disposal.
import type * as vscode from 'vscode';
import { Ctx } from './ctx';

let ctx: Ctx | undefined;

export interface WorkbenchApi {
  ctx: Ctx;
}

export async function activate(context: vscode.ExtensionContext): Promise<WorkbenchApi> {
  ctx = new Ctx(context);
  await ctx.start();
  return { ctx };
}

export async function deactivate(): Promise<void> {
  await ctx?.dispose();
  ctx = undefined;
}
