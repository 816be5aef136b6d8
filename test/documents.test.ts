/**
 * The whole-document set (test/documents): its labels must point at the text they quote, the
 * scorer must match findings to labelled blocks as the README says, and the committed documents
 * must keep the figures they had when the floor was set. On only the documents whose licence lets
 * us keep a copy, that floor guards against regressions; it does not measure accuracy (see
 * test/documents/README.md for the figures on all 61).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocuments, scoreDocument, scoreVerdicts, type BlockLabel } from './documents/score.js';

const { documents, labels, absent } = loadDocuments(join(__dirname, 'documents'));

describe('the whole-document set', () => {
  it('keeps the documents it may keep, and labels that quote the lines they point at', () => {
    expect(documents.length).toBeGreaterThanOrEqual(20);
    expect(documents.length + absent.length).toBe(139);
    for (const label of labels) {
      const doc = documents.find((d) => d.file === label.file)!;
      const block = doc.text.split('\n').slice(label.startLine - 1, label.endLine).join('\n');
      expect(block, `${label.file}:${label.startLine}`).toContain(label.quote.trim().slice(0, 15));
    }
  });

  it('scores at least as well as when the floor was set', () => {
    const s = scoreVerdicts(documents.flatMap((d) => scoreDocument(d, labels).verdicts));
    // 3 / 6 on the first 9 files when they came; 7 / 8 on 12 files after the third set joined;
    // 6 / 3 once public-critical alerts, leaders' dashboards and system decisions were narrowed;
    // 5 / 6 on 15 files once only those with a licence file in their repository were kept;
    // 6 / 9 on 18 files after the sixth set joined; 7 / 11 on 20 files after the seventh
    // (over-reach's watching-people terms added a false positive on e-en-08).
    expect(s.tp).toBeGreaterThanOrEqual(7);
    expect(s.fp).toBeLessThanOrEqual(11);
  });
});

const text = [
  '# 项目方案', // 1
  '', // 2
  '本项目将打造全国领先的智慧城市,', // 3
  '建设最先进的指挥大厅。', // 4
  '', // 5
  '系统按需建设。', // 6
  '', // 7
  '市民只能通过App办理。', // 8
  '',
].join('\n');
const doc = { file: 'a.md', lang: 'zh-Hans' as const, text };
const label = (startLine: number, endLine: number, rules: string[]): BlockLabel => ({ file: 'a.md', startLine, endLine, rules, quote: '', why: '' });

describe('scoreDocument', () => {
  it('counts a labelled rule found anywhere in its block once, however many findings it has', () => {
    const outcome = scoreDocument(doc, [label(3, 4, ['superlative-tech']), label(8, 8, ['digital-only'])]);
    const superlative = outcome.verdicts.filter((v) => v.ruleId === 'superlative-tech');
    expect(superlative).toEqual([expect.objectContaining({ kind: 'tp' })]);
    expect(outcome.verdicts.find((v) => v.ruleId === 'digital-only')?.kind).toBe('tp');
  });

  it('calls a finding in an unlabelled line, or of another rule in a labelled block, a false positive', () => {
    const outcome = scoreDocument(doc, [label(3, 4, ['superlative-tech'])]);
    const falsePositives = outcome.verdicts.filter((v) => v.kind === 'fp');
    expect(falsePositives.map((v) => v.ruleId)).toContain('digital-only');
    expect(falsePositives.every((v) => v.ruleId !== 'superlative-tech')).toBe(true);
  });

  it('calls a labelled rule with no finding in its block a miss, at the label', () => {
    const outcome = scoreDocument(doc, [label(6, 6, ['duplicate-build'])]);
    expect(outcome.verdicts).toContainEqual({ file: 'a.md', ruleId: 'duplicate-build', line: 6, text: '', kind: 'fn' });
    const s = scoreVerdicts(outcome.verdicts);
    expect(s.fn).toBe(1);
    expect(s.tp).toBe(0);
  });

  it('ignores labels of other files', () => {
    const outcome = scoreDocument(doc, [{ ...label(6, 6, ['duplicate-build']), file: 'b.md' }]);
    expect(outcome.verdicts.some((v) => v.kind === 'fn')).toBe(false);
  });
});
