import * as assert from 'assert';
import { parseScript } from '../../../server/src/sql/parser';
import { walk, type AnyNode } from '../../../server/src/sql/visit';
import { corpusFiles } from './corpus';
import { errors } from './helpers';

describe('corpus', () => {
  const files = corpusFiles();

  it('has at least 30 fix scripts', () => {
    assert.ok(files.length >= 30, `${files.length} files`);
  });

  for (const f of files) {
    const broken = f.name.startsWith('broken-');
    it(`${f.name} ${broken ? 'reports its syntax error and recovers' : 'parses without errors'}`, () => {
      const script = parseScript(f.text);
      const errs = errors(script);
      if (broken) {
        assert.ok(errs.length >= 1, 'expected an Error node');
        assert.ok(errs.every((e) => e.range.end - e.range.start < f.text.length / 2), 'recovery swallowed too much');
      } else assert.deepStrictEqual(errs.map((e) => `${e.message} at ${f.text.slice(e.errorRange.start, e.errorRange.start + 40)}`), []);
      // every node lies within its parent and within the text
      walk(script as AnyNode, (n, parent) => {
        assert.ok(n.range.start <= n.range.end && n.range.end <= f.text.length, `${n.kind} range`);
        if (parent && parent.kind !== 'Script') assert.ok(n.range.start >= parent.range.start && n.range.end <= parent.range.end, `${n.kind} outside ${parent.kind}`);
      });
      assert.ok(script.comments[0].text.startsWith('-- Redmine #'), 'header comment');
    });
  }
});
