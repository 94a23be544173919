import { strict as assert } from 'node:assert';
import {
  DEFAULT_LOG_COLUMNS, SqlLogSourceConfig, buildLogTableQuery, levelNamesFrom, likeContains, parsePropertiesJson,
  parsePropertiesXml, quoteTableName, rowToEntry,
} from '../../../client/src/logs/sqlLogTable';

const SRC: SqlLogSourceConfig = { kind: 'sql', connection: 'eTaitur-test', table: 'logi.Kirjed', columns: DEFAULT_LOG_COLUMNS, propertiesFormat: 'xml' };

describe('logs: database log table query', () => {
  it('brackets table names and refuses anything else', () => {
    assert.equal(quoteTableName('dbo.Logs'), '[dbo].[Logs]');
    assert.equal(quoteTableName(' [logi].[Kirjed] '), '[logi].[Kirjed]');
    assert.equal(quoteTableName('[my]]tab]'), '[my]]tab]');
    assert.equal(quoteTableName('Võlgnikud'), '[Võlgnikud]');
    for (const bad of ['dbo.Logs; DROP TABLE x', 'a.b.c', "Logs'--", '', '[unclosed']) assert.equal(quoteTableName(bad), undefined, bad);
    assert.throws(() => buildLogTableQuery({ ...SRC, table: 'x;y' }, {}, 10), /not a table name/);
  });

  it('builds the first page: TOP, time range, levels, LIKE with escapes, newest first', () => {
    const q = buildLogTableQuery(SRC, { text: "50%_[a] N'x'", minLevel: 'Error', fromMs: Date.UTC(2026, 10, 24), toMs: Date.UTC(2026, 10, 25) }, 500);
    assert.equal(q.sql, [
      'SELECT TOP (@limit) [TimeStamp] AS [t], [Level] AS [l], [Message] AS [m], [MessageTemplate] AS [mt], [Exception] AS [x], [Properties] AS [p]',
      'FROM [logi].[Kirjed]',
      "WHERE [TimeStamp] >= @from AND [TimeStamp] < @to AND [Level] IN (@level0, @level1) AND ([Message] LIKE @text ESCAPE N'\\' OR [Exception] LIKE @text ESCAPE N'\\' OR [Properties] LIKE @text ESCAPE N'\\')",
      'ORDER BY [TimeStamp] DESC',
    ].join('\n'));
    assert.deepEqual(q.params.map((p) => [p.name, p.type, p.value instanceof Date ? p.value.toISOString() : p.value]), [
      ['from', 'datetime2', '2026-11-24T00:00:00.000Z'], ['to', 'datetime2', '2026-11-25T00:00:00.000Z'],
      ['level0', 'nvarchar', 'Error'], ['level1', 'nvarchar', 'Fatal'],
      ['text', 'nvarchar', "%50\\%\\_\\[a] N'x'%"], ['limit', 'int', 500],
    ]);
  });

  it('later pages use OFFSET/FETCH; a regex and missing columns leave SQL out of it', () => {
    const q = buildLogTableQuery({ ...SRC, columns: { ...DEFAULT_LOG_COLUMNS, template: '', properties: '' } }, { text: 'Arest.*', regex: true }, 100, 200);
    assert.equal(q.sql, 'SELECT [TimeStamp] AS [t], [Level] AS [l], [Message] AS [m], [Exception] AS [x]\nFROM [logi].[Kirjed]\nORDER BY [TimeStamp] DESC OFFSET @skip ROWS FETCH NEXT @limit ROWS ONLY');
    assert.deepEqual(q.params.map((p) => p.name), ['skip', 'limit']);
  });

  it('level spellings of Serilog and NLog', () => {
    assert.deepEqual(levelNamesFrom('Warning'), ['Warning', 'Warn', 'Error', 'Fatal']);
    assert.deepEqual(likeContains('a\\b'), '%a\\\\b%');
  });

  it('reads the sink XML and JSON properties into an entry', () => {
    assert.deepEqual(parsePropertiesXml("<properties><property key='UserId'>42</property><property key='Nimi'>Mari &amp; Jüri &lt;x&gt; &#245;</property><property key='Isikukood'>38001010008</property></properties>"),
      { UserId: 42, Nimi: 'Mari & Jüri <x> õ', Isikukood: '38001010008' });
    assert.deepEqual(parsePropertiesJson('{"TimeStamp":"2026-11-24T10:00:00","Properties":{"UserId":7}}'), { UserId: 7 });
    assert.deepEqual(parsePropertiesJson('not json'), {});
    const e = rowToEntry({ t: new Date('2026-11-24T10:00:00Z'), l: 'Information', m: null, mt: 'Toiming {ToimingId} salvestatud kasutaja {UserId} poolt', x: null,
      p: "<properties><property key='ToimingId'>901</property><property key='UserId'>42</property></properties>" }, SRC, 'sql:eTaitur-test/logi.Kirjed', 3);
    assert.equal(e.message, 'Toiming 901 salvestatud kasutaja 42 poolt');
    assert.equal(e.level, 'Information');
    assert.equal(e.timeMs, Date.UTC(2026, 10, 24, 10));
    assert.equal(e.exception, undefined);
    assert.equal(e.line, 3);
  });
});
