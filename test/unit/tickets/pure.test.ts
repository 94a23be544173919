import assert from 'node:assert/strict';
import { countdown } from '../../../client/src/tickets/countdown';
import { groupTickets } from '../../../client/src/tickets/grouping';
import { breachReport, deadlineStatus, findBreaches } from '../../../client/src/tickets/deadlines';
import { compileKeyPattern, findTicketKeys } from '../../../client/src/tickets/ticketKeys';
import { branchName, slugify } from '../../../client/src/tickets/branchName';
import { maskText, maskTicket } from '../../../client/src/tickets/masking';
import { adfToText, textToAdf } from '../../../client/src/tickets/adf';
import { Ticket, TicketDetails } from '../../../client/src/tickets/model';
import { Backoff } from '../../../client/src/tickets/ticketCache';
import { retryAfterMs } from '../../../client/src/tickets/http';

const now = new Date(2026, 10, 24, 12, 0); // local noon, 24 Nov 2026
const t = (over: Partial<Ticket>): Ticket => ({
  key: '#1', id: '1', title: 'Menetluse staatus ei muutu', status: { id: '1', name: 'New' }, priority: 'Normal',
  created: '2026-11-20T08:00:00Z', updated: '2026-11-20T08:00:00Z', ...over,
});

describe('tickets: countdown', () => {
  it('counts days left and overdue in English and Estonian', () => {
    assert.equal(countdown('2026-11-27', now)?.text, '3 d left');
    assert.equal(countdown('2026-11-22', now)?.text, 'overdue 2 d');
    assert.equal(countdown('2026-11-22', now)?.overdue, true);
    assert.equal(countdown('2026-11-27', now, 'et')?.text, '3 p jäänud');
    assert.equal(countdown('2026-11-22', now, 'et')?.text, 'hilinenud 2 p');
    assert.equal(countdown('2026-11-24', now)?.text, 'due today');
    assert.equal(countdown(undefined, now), undefined);
    assert.equal(countdown('homme', now), undefined);
  });
});

describe('tickets: grouping', () => {
  const list = [
    t({ key: '#1', status: { id: '1', name: 'New' }, priority: 'High', due: '2026-11-20' }),
    t({ key: '#2', status: { id: '2', name: 'In Progress' }, priority: 'Normal', due: '2026-11-24' }),
    t({ key: '#3', status: { id: '1', name: 'New' }, priority: 'Urgent', due: '2026-12-24' }),
    t({ key: '#4', status: { id: '1', name: 'New' }, priority: 'Normal' }),
    t({ key: '#5', status: { id: '1', name: 'New' }, priority: 'Normal', due: '2026-11-26' }),
  ];
  it('groups by status in order of appearance', () => {
    const g = groupTickets(list, 'status', now);
    assert.deepEqual(g.map((x) => [x.label, x.tickets.map((y) => y.key)]), [['New', ['#1', '#3', '#4', '#5']], ['In Progress', ['#2']]]);
  });
  it('groups by due bucket in fixed order, Estonian labels', () => {
    const g = groupTickets([...list].reverse(), 'due', now, 'et');
    assert.deepEqual(g.map((x) => [x.label, x.tickets.map((y) => y.key)]), [
      ['Hilinenud', ['#1']], ['Tähtaeg täna', ['#2']], ['7 päeva jooksul', ['#5']], ['Hiljem', ['#3']], ['Tähtajata', ['#4']],
    ]);
  });
  it('groups by priority in the given order', () => {
    const g = groupTickets(list, 'priority', now, 'en', ['Immediate', 'Urgent', 'High', 'Normal', 'Low']);
    assert.deepEqual(g.map((x) => x.id), ['Urgent', 'High', 'Normal']);
  });
});

describe('tickets: contract deadlines', () => {
  const targets = { High: { responseHours: 4, resolutionHours: 24 }, Normal: { responseHours: 8, resolutionHours: 72 } };
  it('classifies ok, at risk, breached and met', () => {
    const at = new Date('2026-11-20T11:30:00Z');
    assert.equal(deadlineStatus(t({ priority: 'High' }), targets, new Date('2026-11-20T09:00:00Z')).response, 'ok');
    assert.equal(deadlineStatus(t({ priority: 'High' }), targets, at).response, 'atRisk'); // 3.5 h of 4
    assert.equal(deadlineStatus(t({ priority: 'High' }), targets, new Date('2026-11-20T12:30:00Z')).response, 'breached');
    const answered = t({ priority: 'High', firstResponse: '2026-11-20T09:00:00Z' });
    assert.equal(deadlineStatus(answered, targets, new Date('2026-11-22T00:00:00Z')).response, 'met');
    assert.equal(deadlineStatus(answered, targets, new Date('2026-11-22T00:00:00Z')).resolution, 'breached');
    assert.equal(deadlineStatus(answered, targets, new Date('2026-11-22T00:00:00Z')).worst, 'breached');
    assert.equal(deadlineStatus(t({ priority: 'Low' }), targets, at).worst, 'none');
  });
  it('finds breaches in a period and writes a masked Markdown report', () => {
    const list = [
      t({ key: '#7', priority: 'High', title: 'Võlgnik 38001085718 | arest', firstResponse: '2026-11-20T13:00:00Z', resolved: '2026-11-21T10:00:00Z' }),
      t({ key: '#8', priority: 'Normal', firstResponse: '2026-11-20T09:00:00Z', resolved: '2026-11-21T09:00:00Z' }),
      t({ key: '#9', priority: 'High', created: '2026-10-01T08:00:00Z', firstResponse: '2026-10-02T08:00:00Z' }),
    ];
    const b = findBreaches(list, targets, new Date('2026-11-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'), now);
    assert.deepEqual(b.map((x) => [x.ticket.key, x.kind, x.lateHours]), [['#7', 'response', 1], ['#7', 'resolution', 2]]);
    const md = breachReport(b, new Date('2026-11-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'), (s) => maskText(s, false));
    assert.match(md, /^# Contract deadline breaches 2026-11-01 – 2026-12-01/);
    assert.match(md, /\| #7 \| Võlgnik 3\*{10} \\\| arest \| High \| response \| 2026-11-20 12:00 \| 1 \|/);
    assert.ok(!md.includes('38001085718'));
    assert.match(breachReport([], new Date(0), new Date(0), (s) => s, 'et'), /Ületamisi: 0/);
  });
});

describe('tickets: masking', () => {
  it('masks valid personal codes in titles, descriptions and comments unless revealed', () => {
    const d: TicketDetails = { ...t({ title: 'Isik 49403136526 aadress' }), description: 'Võlgnik 38001085718; vale 38001085719', comments: [{ author: 'Mari', created: '', text: 'kood 49403136526' }] };
    const m = maskTicket(d, false);
    assert.equal(m.title, 'Isik 4********** aadress');
    assert.equal(m.description, 'Võlgnik 3**********; vale 38001085719');
    assert.equal(m.comments[0].text, 'kood 4**********');
    assert.equal(maskTicket(d, true).title, 'Isik 49403136526 aadress');
  });
});

describe('tickets: keys in text', () => {
  it('finds Redmine and Jira keys with the default patterns', () => {
    const rm = findTicketKeys('-- #123 parandus, vt ka #45; mitte abc#9', compileKeyPattern(undefined, 'redmine'));
    assert.deepEqual(rm.map((k) => [k.key, k.start]), [['#123', 3], ['#45', 24]]);
    const j = findTicketKeys('ETA-42: fix; see X-1 and ETA2-7, not eta-3 nor AETA-42x', compileKeyPattern('', 'jira'));
    assert.deepEqual(j.map((k) => k.key), ['ETA-42', 'ETA2-7']);
  });
  it('uses a custom pattern and survives a broken or empty-matching one', () => {
    assert.deepEqual(findTicketKeys('TAITUR-7 ja #8', compileKeyPattern('TAITUR-\\d+', 'jira')).map((k) => k.key), ['TAITUR-7']);
    assert.deepEqual(findTicketKeys('#8 ETA-1', compileKeyPattern('([', 'redmine')).map((k) => k.key), ['#8']);
    assert.deepEqual(findTicketKeys('abc', compileKeyPattern('x*', 'jira')), []);
  });
});

describe('tickets: branch names', () => {
  it('transliterates Estonian letters and follows the template', () => {
    assert.equal(slugify('Võlgniku šabloon: Žürii ÄÖ!'), 'volgniku-sabloon-zurii-ao');
    assert.equal(branchName('{key}-{slug}', { key: '#123', id: '123', title: 'Menetluse staatus ei muutu' }), '123-menetluse-staatus-ei-muutu');
    assert.equal(branchName('{type}/{key}-{slug}', { key: 'ETA-42', id: 'ETA-42', title: 'Arest jäi töötlemata..' }, 'fix'), 'fix/ETA-42-arest-jai-tootlemata');
    assert.equal(branchName('{key}..{slug}~', { key: '#5', id: '5', title: '' }), '5');
  });
});

describe('tickets: ADF to text', () => {
  it('flattens paragraphs, lists, mentions and breaks', () => {
    const doc = { type: 'doc', version: 1, content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Tere, ' }, { type: 'mention', attrs: { text: '@Mari' } }, { type: 'hardBreak' }, { type: 'text', text: 'tabel [Menetlus]' }] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'üks' }] }] }, { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'kaks' }] }] }] },
    ] };
    assert.equal(adfToText(doc), 'Tere, @Mari\ntabel [Menetlus]\n\n- üks\n- kaks');
    assert.equal(adfToText('plain v2'), 'plain v2');
    assert.equal(adfToText(null), '');
    assert.equal(adfToText(textToAdf('a\nb\n\nc')), 'a\nb\n\nc');
  });
});

describe('tickets: backoff and Retry-After', () => {
  it('doubles on failure up to the maximum and resets on success', () => {
    const b = new Backoff(1000, 5000);
    assert.deepEqual([b.failure(), b.failure(), b.failure(), b.success()], [2000, 4000, 5000, 1000]);
    assert.equal(retryAfterMs('3'), 3000);
    assert.equal(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 10000);
    assert.equal(retryAfterMs('nonsense'), undefined);
  });
});
