import * as assert from 'node:assert/strict';
import { hover } from '../../../server/src/features/hover';
import { schema } from './schemaFixture';

const at = (t: string) => hover(t.replace('|', ''), t.indexOf('|'), schema);

describe('hover', () => {
  it('describes a table with description, key, foreign key and columns', () => {
    const md = at('SELECT * FROM dbo.Menet|lus m')!.markdown;
    assert.match(md, /table dbo\.Menetlus/);
    assert.match(md, /Täitemenetlus/);
    assert.match(md, /Primary key: MenetlusId/);
    assert.match(md, /FK: VolgnikId → dbo\.Volgnik\(VolgnikId\)/);
  });

  it('describes an aliased column with type, nullability, default', () => {
    const md = at('SELECT m.Staa|tus FROM dbo.Menetlus m')!.markdown;
    assert.match(md, /Menetlus\.Staatus/);
    assert.match(md, /nvarchar\(10\) NOT NULL/);
    assert.match(md, /Default: `\(N'AVATUD'\)`/);
  });

  it('shows a foreign key target and identity', () => {
    assert.match(at('SELECT Volgnik|Id FROM dbo.Menetlus')!.markdown, /FK → dbo\.Volgnik\(VolgnikId\)/);
    assert.match(at('SELECT [Menetlus|Id] FROM dbo.Menetlus')!.markdown, /IDENTITY/);
  });

  it("shows a variable's declared type", () => {
    assert.match(at('DECLARE @summa decimal(12,2);\nSET @su|mma = 0;')!.markdown, /decimal\(12,2\)/);
  });

  it('says what a valid personal code is without birth date or sex', () => {
    const h = at("SELECT * FROM dbo.Volgnik WHERE Isikukood = '3760|5150013'")!; // valid check digit
    assert.match(h.markdown, /Estonian personal code.*valid check digit/);
    assert.doesNotMatch(h.markdown, /1976|male|mees|37605150013/i);
    assert.equal(at("SELECT '3760|5150012'"), undefined); // wrong check digit
  });

  it('binds an alias by the scope it is in, not the last FROM of the batch', () => {
    const text = 'SELECT m.Ni|mi FROM dbo.Volgnik m;\nSELECT m.Staatus FROM dbo.Menetlus m;';
    assert.match(at(text)!.markdown, /\*\*Volgnik\.Nimi\*\*/);
    assert.match(at('SELECT m.Nimi FROM dbo.Volgnik m;\nSELECT m.Staa|tus FROM dbo.Menetlus m;')!.markdown, /Menetlus\.Staatus/);
  });

  it('in Estonian when asked', () => {
    const md = hover('SELECT * FROM dbo.Menetlus', 20, schema, undefined, 'et')!.markdown;
    assert.match(md, /Primaarvõti: MenetlusId/);
    assert.match(md, /Välisvõti: VolgnikId → dbo\.Volgnik/);
  });
});
