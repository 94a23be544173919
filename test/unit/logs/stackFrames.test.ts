import { strict as assert } from 'node:assert';
import { bestPathMatch, exceptionType, findMemberLine, parseStackFrames } from '../../../client/src/logs/stackFrames';

describe('logs: .NET stack frames', () => {
  const ex = 'System.InvalidOperationException: Arest on juba lõpetatud\n   at ETaitur.Arest.ArestService.Salvesta(Int32 menetlusId, String kood) in C:\\src\\ETaitur\\Arest\\ArestService.cs:line 42\n   at ETaitur.Menetlus.MenetlusService.<Kaivita>d__5.MoveNext()\n   at System.Threading.Tasks.Task.Execute()';
  it('parses method, file and line', () => {
    const fs = parseStackFrames(ex);
    assert.equal(fs.length, 3);
    assert.equal(fs[0].method, 'ETaitur.Arest.ArestService.Salvesta');
    assert.equal(fs[0].typeName, 'ETaitur.Arest.ArestService');
    assert.equal(fs[0].file, 'C:\\src\\ETaitur\\Arest\\ArestService.cs');
    assert.equal(fs[0].line, 42);
    assert.equal(fs[2].file, undefined);
    assert.equal(ex.slice(fs[0].offset, fs[0].offset + fs[0].length).trim().startsWith('at ETaitur.Arest'), true);
  });
  it('finds the exception type', () => {
    assert.equal(exceptionType(ex), 'System.InvalidOperationException');
    assert.equal(exceptionType('System.Data.SqlClient.SqlException (0x80131904): Timeout'), 'System.Data.SqlClient.SqlException');
    assert.equal(exceptionType(undefined), undefined);
  });
  it('matches a workspace file by the longest path suffix', () => {
    const c = ['/ws/Other/ArestService.cs', '/ws/src/ETaitur/Arest/ArestService.cs', '/ws/README.md'];
    assert.equal(bestPathMatch('C:\\src\\ETaitur\\Arest\\ArestService.cs', c), '/ws/src/ETaitur/Arest/ArestService.cs');
    assert.equal(bestPathMatch('C:\\x\\Puudub.cs', c), undefined);
  });
  it('names the method of an async state machine frame', () => {
    assert.equal(parseStackFrames(ex)[1].method, 'ETaitur.Menetlus.MenetlusService.Kaivita');
  });
  it('finds Class.Method in C# source when the frame has no file', () => {
    const cs = [
      'namespace ETaitur.Menetlus',
      '{',
      '    public class MenetlusAbi { public void Kaivita(int x) { } }',
      '    public class MenetlusService',
      '    {',
      '        public MenetlusService(ArestService a) { _a = a; }',
      '        private void Logi() => _a.Kaivita(1);',
      '        public async Task<IReadOnlyList<Toiming>> Kaivita(MenetlusDto dto)',
      '        {',
      '            return await _a.Kaivita(dto.Id);',
      '        }',
      '    }',
      '}',
    ].join('\r\n');
    assert.equal(findMemberLine(cs, 'ETaitur.Menetlus.MenetlusService', 'Kaivita'), 8);
    assert.equal(findMemberLine(cs, 'ETaitur.Menetlus.MenetlusService', 'Puudub'), undefined);
    assert.equal(findMemberLine(cs, 'ETaitur.Menetlus.Teine', 'Kaivita'), undefined);
  });
});
