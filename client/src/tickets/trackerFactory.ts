// Typed tickets settings and building the tracker from them (pure: no vscode).
import { DeadlineTargets } from './deadlines';
import { GroupBy } from './grouping';
import { JiraProvider } from './jiraProvider';
import { TicketTracker } from './model';
import { RedmineProvider } from './redmineProvider';

export interface TicketSettings {
  readonly provider: 'none' | 'redmine' | 'jira';
  readonly url: string;
  readonly jiraDeployment: 'cloud' | 'dataCenter';
  readonly jiraEmail: string;
  readonly project: string;
  readonly savedQueries: readonly { name: string; query: string }[];
  readonly groupBy: GroupBy;
  readonly pollMinutes: number;
  readonly keyPattern: string;
  readonly branchTemplate: string;
  readonly inProgressStatus: string;
  readonly deadlines: DeadlineTargets;
  readonly revealPersonalCodes: boolean;
}

export const DEFAULT_DEADLINES: DeadlineTargets = {
  Immediate: { responseHours: 2, resolutionHours: 8 },
  Urgent: { responseHours: 4, resolutionHours: 24 },
  High: { responseHours: 8, resolutionHours: 72 },
  Normal: { responseHours: 24, resolutionHours: 240 },
  Low: { responseHours: 48, resolutionHours: 480 },
};

/** Undefined with a reason when the settings can't make a tracker yet. */
export function createTracker(s: TicketSettings, token: string | undefined): { tracker?: TicketTracker; problem?: string } {
  if (s.provider === 'none') return { problem: 'no tracker configured: set etaitur.tickets.provider' };
  if (!/^https?:\/\//.test(s.url)) return { problem: 'no tracker URL: set etaitur.tickets.url' };
  if (!token) return { problem: 'no token: run "e-Täitur: Set Tracker Token"' };
  if (s.provider === 'redmine') return { tracker: new RedmineProvider({ url: s.url, apiKey: token, project: s.project || undefined }) };
  if (s.jiraDeployment === 'cloud' && !s.jiraEmail) return { problem: 'Jira Cloud needs etaitur.tickets.jiraEmail' };
  return { tracker: new JiraProvider({ url: s.url, deployment: s.jiraDeployment, email: s.jiraEmail, token, project: s.project || undefined }) };
}
