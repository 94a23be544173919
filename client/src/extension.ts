// Activation glue: build the context, start it, plug in the features, hand it to the host for disposal.
import type * as vscode from 'vscode';
import { Ctx } from './ctx';
import { registerLogs } from './logs';
import { registerTickets } from './tickets';
import { registerServerBridges } from './serverBridges';
import { registerClassifiers } from './classifiers';

let ctx: Ctx | undefined;

export interface WorkbenchApi {
  ctx: Ctx;
}

export async function activate(context: vscode.ExtensionContext): Promise<WorkbenchApi> {
  ctx = new Ctx(context);
  await ctx.start();
  await ctx.registerFeature('server', (c) => registerServerBridges(c));
  await ctx.registerFeature('logs', (c) => registerLogs({ views: c.treeProviders, secrets: context.secrets }));
  // Loaded lazily: it pulls in the SQL Server driver, whose optional modules may be absent from a .vsix.
  await ctx.registerFeature('live', async (c) => (await import('./live')).registerLive(c));
  await ctx.registerFeature('tickets', (c) => registerTickets({ secrets: context.secrets, log: c.log, views: c.treeProviders }));
  await ctx.registerFeature('classifiers', (c) => registerClassifiers(c));
  return { ctx };
}

export async function deactivate(): Promise<void> {
  await ctx?.dispose();
  ctx = undefined;
}
