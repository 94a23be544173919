// Tracker-neutral ticket model shared by the Redmine and Jira providers.

export interface TicketStatus {
  readonly id: string;
  readonly name: string;
  readonly closed?: boolean;
}

export interface Ticket {
  readonly key: string; // "#123" (Redmine) or "ETA-42" (Jira)
  readonly id: string;
  readonly title: string;
  readonly status: TicketStatus;
  readonly priority: string;
  readonly assignee?: string;
  readonly due?: string; // YYYY-MM-DD
  readonly created: string; // ISO 8601
  readonly updated: string;
  readonly firstResponse?: string;
  readonly resolved?: string;
}

export interface TicketComment {
  readonly author: string;
  readonly created: string;
  readonly text: string;
}

export interface TicketDetails extends Ticket {
  readonly description: string;
  readonly comments: readonly TicketComment[];
}

export interface Transition {
  readonly id: string;
  readonly name: string;
  readonly to: TicketStatus;
}

export interface SavedQuery {
  readonly id: string;
  readonly name: string;
}

/** What to list: the default "assigned to me, open", a saved query, or a raw query (JQL / Redmine filter string). */
export type TicketQuery =
  | { readonly kind: 'mine' }
  | { readonly kind: 'saved'; readonly id: string }
  | { readonly kind: 'raw'; readonly text: string };

export interface ListOptions {
  readonly updatedSince?: string; // ISO 8601, for polling
  readonly maxResults?: number; // stop after this many (all when unset)
  readonly signal?: AbortSignal;
}

export interface TicketTracker {
  readonly kind: 'redmine' | 'jira';
  list(query: TicketQuery, options?: ListOptions): Promise<Ticket[]>;
  savedQueries(signal?: AbortSignal): Promise<SavedQuery[]>;
  details(id: string, signal?: AbortSignal): Promise<TicketDetails>;
  addComment(id: string, text: string): Promise<void>;
  transitions(id: string): Promise<Transition[]>;
  changeStatus(id: string, transitionId: string): Promise<void>;
  assignToMe(id: string): Promise<void>;
  browserUrl(key: string): string;
}
