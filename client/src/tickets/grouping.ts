// Grouping tickets for the tree: by status, priority or due-date bucket.
import { daysUntil } from './countdown';
import { Ticket } from './model';

export type GroupBy = 'none' | 'status' | 'priority' | 'due';
export interface TicketGroup { readonly id: string; readonly label: string; readonly tickets: Ticket[] }

const DUE_BUCKETS = ['overdue', 'today', 'week', 'later', 'none'] as const;
export type DueBucket = (typeof DUE_BUCKETS)[number];

export function dueBucket(t: Ticket, now: Date): DueBucket {
  const d = t.due ? daysUntil(t.due, now) : undefined;
  if (d === undefined) return 'none';
  if (d < 0) return 'overdue';
  if (d === 0) return 'today';
  return d <= 7 ? 'week' : 'later';
}

const BUCKET_LABELS: Record<'en' | 'et', Record<DueBucket, string>> = {
  en: { overdue: 'Overdue', today: 'Due today', week: 'Due within 7 days', later: 'Later', none: 'No due date' },
  et: { overdue: 'Hilinenud', today: 'Tähtaeg täna', week: '7 päeva jooksul', later: 'Hiljem', none: 'Tähtajata' },
};

/** Groups keep the order of first appearance (status, priority) or the fixed due-bucket order. */
export function groupTickets(tickets: readonly Ticket[], by: GroupBy, now: Date, lang: 'en' | 'et' = 'en', priorityOrder: readonly string[] = []): TicketGroup[] {
  if (by === 'none') return [{ id: 'all', label: '', tickets: [...tickets] }];
  const map = new Map<string, TicketGroup>();
  for (const t of tickets) {
    const id = by === 'status' ? t.status.name : by === 'priority' ? t.priority : dueBucket(t, now);
    const label = by === 'due' ? BUCKET_LABELS[lang][id as DueBucket] : id || '—';
    let g = map.get(id);
    if (!g) map.set(id, (g = { id, label, tickets: [] }));
    g.tickets.push(t);
  }
  const groups = [...map.values()];
  if (by === 'due') groups.sort((a, b) => DUE_BUCKETS.indexOf(a.id as DueBucket) - DUE_BUCKETS.indexOf(b.id as DueBucket));
  if (by === 'priority' && priorityOrder.length) {
    const rank = (p: string) => (priorityOrder.indexOf(p) + priorityOrder.length + 1) % (priorityOrder.length + 1);
    groups.sort((a, b) => rank(a.id) - rank(b.id));
  }
  return groups;
}
