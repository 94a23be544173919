// Personal codes in tracker text are masked unless the user has revealed them.
import { maskPersonalCodesInText } from '../../../server/src/domain/personalCode';
import { Ticket, TicketDetails } from './model';

export function maskText(text: string, reveal: boolean): string {
  return reveal ? text : maskPersonalCodesInText(text);
}

export function maskTicket<T extends Ticket>(t: T, reveal: boolean): T {
  if (reveal) return t;
  const masked = { ...t, title: maskPersonalCodesInText(t.title) };
  const d = t as unknown as TicketDetails;
  if (typeof d.description === 'string') {
    Object.assign(masked, {
      description: maskPersonalCodesInText(d.description),
      comments: d.comments.map((c) => ({ ...c, text: maskPersonalCodesInText(c.text) })),
    });
  }
  return masked;
}
