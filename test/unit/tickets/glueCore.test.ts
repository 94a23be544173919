import assert from 'node:assert/strict';
import { escapeHtml, ticketHtml } from '../../../client/src/tickets/ticketHtml';
import { fixScriptTemplate } from '../../../client/src/tickets/fixScript';
import { checkScript } from '../../../server/src/check/checkScript';
import { createTracker, DEFAULT_DEADLINES, TicketSettings } from '../../../client/src/tickets/trackerFactory';
import { TicketCache } from '../../../client/src/tickets/ticketCache';
import { TrackerError } from '../../../client/src/tickets/http';
import { Ticket, TicketTracker } from '../../../client/src/tickets/model';

const labels = { status: 'Olek', comments: 'Kommentaarid', addComment: 'Lisa', assignToMe: 'Mulle', openInBrowser: 'Brauser', changeStatus: 'Muuda', due: 'Tähtaeg' };

describe('tickets: details HTML', () => {
  it('escapes every tracker string', () => {
    const evil = '<img src=x onerror=alert(1)>"\'&';
    const html = ticketHtml(
      { key: '#1', id: '1', title: evil, status: { id: '1', name: evil }, priority: evil, created: '', updated: '', description: `<script>alert(1)</script>`, comments: [{ author: evil, created: evil, text: '</pre><script>x()</script>' }] },
      [{ id: '"><script>', name: evil, to: { id: '2', name: 'x' } }], labels, 'n0nce', 'vscode-resource:');
    assert.ok(!html.includes('<img'));
    assert.equal((html.match(/<script/g) ?? []).length, 1); // only ours, with the nonce
    assert.match(html, /<script nonce="n0nce">/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;&quot;&#39;&amp;/);
    assert.equal(escapeHtml('Võlgnik & <Arest>'), 'Võlgnik &amp; &lt;Arest&gt;');
  });
});

describe('tickets: fix script and tracker factory', () => {
  it('puts the ticket in the header of the one safe fix template', () => {
    const s = fixScriptTemplate({ key: '#123', title: 'Menetluse staatus ei muutu' }, 'mari', new Date('2026-11-24T10:00:00Z'));
    assert.match(s, /^-- Ticket: #123 Menetluse staatus ei muutu\n-- Author: mari\n-- Date:   2026-11-24/);
    assert.match(s, /BEGIN TRY\n    BEGIN TRAN;[\s\S]*IF @@ROWCOUNT <> 1[\s\S]*IF @@TRANCOUNT > 0 ROLLBACK;/);
    // Until the data change is written, the row-count guard checks nothing, and the checker says so.
    assert.deepEqual(checkScript(s).findings.map((f) => f.code), ['rowcount-after-other-statement']);
    const written = s.replace(/-- UPDATE .*$/m, "UPDATE [dbo].[Menetlus] SET Staatus = N'LOPETATUD' WHERE MenetlusId = 4211;");
    assert.deepEqual(checkScript(written).findings.map((f) => `${f.code}: ${f.message}`), []);
  });
  it('says plainly what is missing before making a tracker', () => {
    const base: TicketSettings = { provider: 'redmine', url: 'https://redmine.taitur.ee', jiraDeployment: 'cloud', jiraEmail: '', project: '', savedQueries: [], groupBy: 'due', pollMinutes: 5, keyPattern: '', branchTemplate: '{key}-{slug}', inProgressStatus: 'In Progress', deadlines: DEFAULT_DEADLINES, revealPersonalCodes: false };
    assert.match(createTracker({ ...base, provider: 'none' }, 'k').problem ?? '', /no tracker configured/);
    assert.match(createTracker(base, undefined).problem ?? '', /no token/);
    assert.match(createTracker({ ...base, url: 'redmine' }, 'k').problem ?? '', /URL/);
    assert.equal(createTracker(base, 'k').tracker?.kind, 'redmine');
    assert.match(createTracker({ ...base, provider: 'jira' }, 'k').problem ?? '', /jiraEmail/);
    assert.equal(createTracker({ ...base, provider: 'jira', jiraDeployment: 'dataCenter' }, 'k').tracker?.browserUrl('ETA-1'), 'https://redmine.taitur.ee/browse/ETA-1');
  });
});

describe('tickets: cache', () => {
  it('keeps the last result with its time when the tracker fails, and rethrows with nothing cached', async () => {
    let fail = true;
    const ticket: Ticket = { key: '#1', id: '1', title: 'Arest', status: { id: '1', name: 'New' }, priority: 'High', created: '', updated: '' };
    const tracker = { kind: 'redmine', list: async () => { if (fail) throw new TrackerError('unreachable', 'Redmine is unreachable'); return [ticket]; } } as unknown as TicketTracker;
    let clock = new Date('2026-11-24T10:00:00Z');
    const cache = new TicketCache(tracker, { kind: 'mine' }, () => clock);
    await assert.rejects(cache.refresh(), /unreachable/);
    fail = false;
    assert.equal((await cache.refresh()).stale, false);
    fail = true;
    clock = new Date('2026-11-24T11:00:00Z');
    const r = await cache.refresh();
    assert.deepEqual([r.stale, r.tickets.length, r.fetchedAt.toISOString(), r.error?.kind], [true, 1, '2026-11-24T10:00:00.000Z', 'unreachable']);
  });
});
