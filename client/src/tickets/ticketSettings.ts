// Reads the etaitur.tickets.* settings once into a typed object.
import * as vscode from 'vscode';
import { GroupBy } from './grouping';
import { DEFAULT_DEADLINES, TicketSettings } from './trackerFactory';

export const TICKETS_SECTION = 'etaitur.tickets';

export function readTicketSettings(): TicketSettings {
  const c = vscode.workspace.getConfiguration(TICKETS_SECTION);
  return {
    provider: c.get<'none' | 'redmine' | 'jira'>('provider', 'none'),
    url: c.get('url', ''),
    jiraDeployment: c.get<'cloud' | 'dataCenter'>('jiraDeployment', 'cloud'),
    jiraEmail: c.get('jiraEmail', ''),
    project: c.get('project', ''),
    savedQueries: c.get('savedQueries', []),
    groupBy: c.get<GroupBy>('groupBy', 'due'),
    pollMinutes: Math.max(1, c.get('pollMinutes', 5)),
    keyPattern: c.get('keyPattern', ''),
    branchTemplate: c.get('branchTemplate', '{key}-{slug}'),
    inProgressStatus: c.get('inProgressStatus', 'In Progress'),
    deadlines: { ...DEFAULT_DEADLINES, ...c.get('deadlines', {}) },
    revealPersonalCodes: false, // session-only, toggled by a command, never persisted
  };
}
