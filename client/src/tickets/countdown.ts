// Due-date countdown text in English and Estonian.

export type Lang = 'en' | 'et';
export interface Countdown { readonly text: string; readonly overdue: boolean; readonly days: number }

const DAY = 86400000;

/** Whole calendar days from today (local date of `now`) to the due date (YYYY-MM-DD). */
export function daysUntil(due: string, now: Date): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(due);
  if (!m) return undefined;
  const dueUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const todayUtc = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((dueUtc - todayUtc) / DAY);
}

export function countdown(due: string | undefined, now: Date, lang: Lang = 'en'): Countdown | undefined {
  if (!due) return undefined;
  const days = daysUntil(due, now);
  if (days === undefined) return undefined;
  if (days < 0) return { days, overdue: true, text: lang === 'et' ? `hilinenud ${-days} p` : `overdue ${-days} d` };
  if (days === 0) return { days, overdue: false, text: lang === 'et' ? 'tähtaeg täna' : 'due today' };
  return { days, overdue: false, text: lang === 'et' ? `${days} p jäänud` : `${days} d left` };
}
