// Contract deadlines: response and resolution targets per priority, at-risk/breached, breach report.
import { Ticket } from './model';

export interface DeadlineTarget { readonly responseHours: number; readonly resolutionHours: number }
export type DeadlineTargets = Readonly<Record<string, DeadlineTarget>>; // by priority name
export type DeadlineState = 'ok' | 'atRisk' | 'breached' | 'met' | 'none';

export interface DeadlineStatus {
  readonly response: DeadlineState;
  readonly resolution: DeadlineState;
  readonly responseDue?: Date;
  readonly resolutionDue?: Date;
  readonly worst: DeadlineState;
}

const HOUR = 3600000;
const RANK: Record<DeadlineState, number> = { none: 0, met: 1, ok: 2, atRisk: 3, breached: 4 };

function classify(start: number, targetHours: number, doneAt: number | undefined, now: number, atRiskShare: number): DeadlineState {
  const due = start + targetHours * HOUR;
  if (doneAt !== undefined) return doneAt <= due ? 'met' : 'breached';
  if (now > due) return 'breached';
  return now >= start + targetHours * HOUR * atRiskShare ? 'atRisk' : 'ok';
}

function time(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

/** atRiskShare: the share of the target time after which an open ticket counts as at risk (default 0.75). */
export function deadlineStatus(t: Ticket, targets: DeadlineTargets, now: Date, atRiskShare = 0.75): DeadlineStatus {
  const target = targets[t.priority];
  const created = time(t.created);
  if (!target || created === undefined) return { response: 'none', resolution: 'none', worst: 'none' };
  const n = now.getTime();
  const responded = time(t.firstResponse);
  const resolved = time(t.resolved);
  const response = classify(created, target.responseHours, responded ?? resolved, n, atRiskShare);
  const resolution = classify(created, target.resolutionHours, resolved, n, atRiskShare);
  return {
    response,
    resolution,
    responseDue: new Date(created + target.responseHours * HOUR),
    resolutionDue: new Date(created + target.resolutionHours * HOUR),
    worst: RANK[response] >= RANK[resolution] ? response : resolution,
  };
}

export interface Breach { readonly ticket: Ticket; readonly kind: 'response' | 'resolution'; readonly due: Date; readonly lateHours: number }

/** Breaches whose deadline fell in [from, to). */
export function findBreaches(tickets: readonly Ticket[], targets: DeadlineTargets, from: Date, to: Date, now: Date): Breach[] {
  const out: Breach[] = [];
  for (const t of tickets) {
    const s = deadlineStatus(t, targets, now);
    const check = (kind: 'response' | 'resolution', state: DeadlineState, due: Date | undefined, doneIso: string | undefined) => {
      if (state !== 'breached' || !due || due < from || due >= to) return;
      const end = time(doneIso) ?? now.getTime();
      out.push({ ticket: t, kind, due, lateHours: Math.round(((end - due.getTime()) / HOUR) * 10) / 10 });
    };
    check('response', s.response, s.responseDue, t.firstResponse ?? t.resolved);
    check('resolution', s.resolution, s.resolutionDue, t.resolved);
  }
  return out.sort((a, b) => a.due.getTime() - b.due.getTime());
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

/** Markdown report; titles pass through `mask` so personal codes stay hidden. */
export function breachReport(breaches: readonly Breach[], from: Date, to: Date, mask: (s: string) => string, lang: 'en' | 'et' = 'en'): string {
  const d = (x: Date) => x.toISOString().slice(0, 10);
  const et = lang === 'et';
  const lines = [
    `# ${et ? 'Lepinguliste tähtaegade ületamised' : 'Contract deadline breaches'} ${d(from)} – ${d(to)}`,
    '',
    `${et ? 'Ületamisi' : 'Breaches'}: ${breaches.length} (${et ? 'reageerimine' : 'response'} ${breaches.filter((b) => b.kind === 'response').length}, ${et ? 'lahendamine' : 'resolution'} ${breaches.filter((b) => b.kind === 'resolution').length})`,
    '',
  ];
  if (breaches.length) {
    lines.push(et ? '| Pilet | Pealkiri | Prioriteet | Liik | Tähtaeg | Hilinemine (h) |' : '| Ticket | Title | Priority | Kind | Due | Late (h) |', '|---|---|---|---|---|---:|');
    for (const b of breaches) {
      const kind = et ? (b.kind === 'response' ? 'reageerimine' : 'lahendamine') : b.kind;
      lines.push(`| ${cell(b.ticket.key)} | ${cell(mask(b.ticket.title))} | ${cell(b.ticket.priority)} | ${kind} | ${b.due.toISOString().replace('T', ' ').slice(0, 16)} | ${b.lateHours} |`);
    }
  }
  return lines.join('\n') + '\n';
}
