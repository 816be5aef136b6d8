/**
 * termEffect (behind `npm run try-terms`) says what one proposed term would change, and leaves the
 * vocabulary as it found it.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, termEffect, type Passage } from './evaluate.js';
import { VOCAB } from '../../server/src/engine/lint.js';
import { compileTerms } from '../../server/src/engine/vocab.js';

const passage = (id: string, text: string, labels: string[]): Passage => ({ id, lang: 'zh-Hans', text, source: 'made up for this test', labels, statesNeed: false, statesOffline: false });

describe('termEffect', () => {
  const passages = [
    passage('t-1', '本区将建设紫藤花指挥舱，供领导视察。', ['showcase-display']),
    passage('t-2', '紫藤花指挥舱明年启用。', []),
    passage('t-4', '紫藤花指挥舱用于调度救护车，值班医生据此派车。', []),
    passage('t-3', '全面推进老旧小区改造。', []),
  ];
  const before = new Map(evaluate(passages).map((o) => [o.passage.id, o.predicted]));
  const matcher = compileTerms([{ term: '紫藤花指挥舱' }], 'zh')!;

  it('counts a newly flagged labelled passage as right and an unlabelled one as wrong', () => {
    expect(before.get('t-1')).not.toContain('showcase-display');
    const effect = termEffect(matcher, 'showcase-display', passages, before);
    // t-4 matches too, but its operational use answers the rule, so nothing is gained there.
    expect(effect.matches).toBe(3);
    expect(effect.gainedRight).toEqual(['t-1']);
    expect(effect.gainedWrong).toEqual(['t-2']);
  });

  it('restores the rule’s triggers afterwards', () => {
    const size = VOCAB.triggers.get('showcase-display')!.length;
    termEffect(matcher, 'showcase-display', passages, before);
    expect(VOCAB.triggers.get('showcase-display')!.length).toBe(size);
    expect(evaluate(passages).map((o) => o.predicted)).toEqual(passages.map((p) => before.get(p.id)));
  });

  it('names an unknown rule', () => {
    expect(() => termEffect(matcher, 'no-such-rule', passages, before)).toThrow(/no rule "no-such-rule"/);
  });
});
