import { describe, expect, it } from 'vitest';
import { lint } from '../server/src/engine/lint.js';
import { RULES } from '../server/src/engine/rules/index.js';
import { applyFixes } from '../server/src/engine/fixes.js';
import { recommended } from '../server/src/engine/presets.js';
import { normalizeLiteral } from '../server/src/engine/normalize.js';
import type { Rule } from '../server/src/engine/rule.js';
import vocab from '../server/src/engine/generated/vocab.json';
import type { VocabData } from '../server/src/engine/vocab.js';

const slice = (text: string, f: { range: { start: number; end: number } }): string => text.slice(f.range.start, f.range.end);

describe('positions are exact in the source', () => {
  it('counts UTF-16 code units after emoji and other astral characters', () => {
    const text = '# 方案\n\n😀𠮷🚀 平台采用最先进的技术。\n';
    const [f] = lint(text).findings;
    expect(slice(text, f!)).toBe('最先进');
    expect(f!.start).toEqual({ line: 3, column: 12 });
    expect(f!.end).toEqual({ line: 3, column: 15 });
  });

  it('handles CRLF line endings', () => {
    const text = '# 方案\r\n\r\n## 平台\r\n\r\n平台采用最先进的技术。\r\n';
    const [f] = lint(text).findings;
    expect(slice(text, f!)).toBe('最先进');
    expect(f!.start).toEqual({ line: 5, column: 5 });
  });

  it('keeps offsets of a text that starts with a BOM', () => {
    const text = '\ufeff# 方案\n\n平台采用最先进的技术。\n';
    const [f] = lint(text).findings;
    expect(slice(text, f!)).toBe('最先进');
    expect(f!.range.start).toBe(text.indexOf('最先进'));
  });

  it('maps a phrase wrapped across lines back to both lines', () => {
    const text = '# Plan\n\nOur vision is AI\neverywhere in city services.\n';
    const f = lint(text).findings.find((x) => x.ruleId === 'ai-everywhere')!;
    expect(slice(text, f)).toBe('AI\neverywhere');
    expect(f.start.line).toBe(3);
    expect(f.end.line).toBe(4);
  });

  it('matches Traditional script, full-width letters, pinyin notes and a word wrapped in the middle', () => {
    const text = '# 計畫\n\n城市數(shù)\n字治理導入ＡＩ無處不在的服務。\n';
    const f = lint(text).findings.find((x) => x.ruleId === 'ai-everywhere')!;
    expect(slice(text, f)).toBe('ＡＩ無處不在');
  });

  it('maps through emphasis and escapes', () => {
    const text = '# 方案\n\n平台采用**最先进**的技术，\\*全国首个\\*。\n';
    const found = lint(text).findings.map((f) => slice(text, f));
    expect(found).toEqual(['最先进', '全国首个']);
  });

  it('maps through character references, also before indented continuation lines in LF and CRLF', () => {
    // Found by the LF/CRLF property: a reference several characters long, then an indented
    // continuation line, once sent the mapping a character astray in CRLF text only.
    const lf = '局\n   &#x1F600; 、理 \n    1. 只收电子支付';
    for (const text of [lf, lf.replace(/\n/g, '\r\n'), '&copy;&amp;&CounterClockwiseContourIntegral; 平台采用最先进的技术']) {
      const found = lint(text).findings.map((f) => slice(text, f));
      expect(found.length, text).toBe(1);
      expect(['只收电子支付', '最先进']).toContain(found[0]);
    }
  });
});

describe('prose only', () => {
  it('leaves bare URLs and e-mail addresses out of prose, as GitHub links them, and keeps the words around them', () => {
    const text = '# 说明\n\n见 www.example.cn/state-of-the-art, mail ai-first@example.org (or https://x.cn/最先进的技术). The state-of-the-art platform.\n';
    const findings = lint(text).findings.filter((f) => f.ruleId === 'superlative-tech');
    expect(findings.map((f) => f.text)).toEqual(['state-of-the-art']);
    expect(findings[0]!.range.start).toBe(text.lastIndexOf('state-of-the-art'));
  });

  it('never lints code, inline code, HTML, URLs, link destinations or front matter', () => {
    const text = [
      '---',
      'title: 最先进的平台',
      '---',
      '',
      '# 说明',
      '',
      '见 `最先进的接口`，<img alt="最先进的技术">，[链接](https://x.cn/最先进的技术) 与 https://x.cn/state-of-the-art 。',
      '',
      '<div>',
      '最先进的技术',
      '</div>',
      '',
      '<!-- 最先进的技术 -->',
      '',
      '```',
      '最先进的技术',
      '```',
      '',
    ].join('\n');
    expect(lint(text).findings).toEqual([]);
  });

  it('lints link text within a sentence, headings, list items and table rows', () => {
    const text = '# 打造全国首个智慧社区\n\n- 采用[最先进的平台](https://x.cn)\n\n| 项目 | 说明 |\n|---|---|\n| 大屏 | 供参观 |\n';
    const ids = lint(text).findings.map((f) => `${f.start.line}:${f.ruleId}`);
    expect(ids).toEqual(['1:concept-race', '3:superlative-tech', '7:showcase-display', '7:showcase-display']);
  });

  it('lints block quotes unless configured not to', () => {
    const text = '# 方案\n\n> 平台采用最先进的技术。\n';
    expect(lint(text).findings).toHaveLength(1);
    expect(lint(text, { config: { ...recommended(), blockquotes: false } }).findings).toHaveLength(0);
  });
});

describe('languages', () => {
  it('detects the document language and follows it for messages', () => {
    expect(lint('# 方案\n\n平台采用最先进的技术。\n')).toMatchObject({ language: 'zh-Hans', messageLanguage: 'zh-CN' });
    const hant = lint('# 計畫\n\n本平台採用最先進的技術，提供民眾數位服務。\n');
    expect(hant).toMatchObject({ language: 'zh-Hant', messageLanguage: 'zh-TW' });
    expect(hant.findings[0]!.message).toContain('是技術判斷');
    expect(lint('# Plan\n\nA state-of-the-art platform.\n')).toMatchObject({ language: 'en', messageLanguage: 'en' });
    const mixed = lint('# 方案 Plan\n\nThe platform will use state-of-the-art technology for every resident of the city.\n\n平台采用最先进的技术，服务全市居民。\n');
    expect(mixed.language).toBe('mixed');
  });

  it('writes scaffolds in the document language', () => {
    const en = lint('# Plan\n\n## Platform\n\nA state-of-the-art platform.\n').findings[0]!;
    expect(en.fixes.find((f) => f.kind === 'scaffold')!.edits[0]!.text).toContain('### Real need\n\n[To fill in:');
    const tw = lint('# 計畫\n\n## 平台\n\n本平台採用最先進的技術。\n').findings[0]!;
    expect(tw.fixes.find((f) => f.kind === 'scaffold')!.edits[0]!.text).toContain('### 真實需求\n\n【待填寫：');
  });
});

describe('evidence', () => {
  it('names the safeguard it looked for and where, and the section', () => {
    const [f] = lint('# 方案\n\n## 平台建设\n\n平台采用最先进的技术。\n').findings;
    expect(f!.safeguard).toContain('真实需求');
    expect(f!.safeguard).toContain('「平台建设」');
    expect(f!.scopeTitle).toBe('平台建设');
  });

  it('a negated safeguard is not a safeguard, and is itself a finding', () => {
    const text = '# 方案\n\n## 办理\n\n全程网办，不设线下窗口。\n';
    const ids = lint(text).findings.map((f) => [f.ruleId, slice(text, f)]);
    expect(ids).toEqual([
      ['digital-only', '全程网办'],
      ['digital-only', '不设线下窗口'],
    ]);
  });

  it('a placeholder is not evidence, and the finding says the section is unfilled', () => {
    const text = '# 方案\n\n## 平台\n\n平台采用最先进的技术。\n\n### 真实需求\n\n【待填写：谁遇到了什么问题？】\n';
    const [f] = lint(text).findings;
    expect(f!.scaffoldUnfilled).toBe(true);
    expect(f!.message).toContain('「真实需求」一节仍是待填写的占位内容');
    expect(f!.fixes.map((x) => x.kind)).toEqual(['fix']);
    const filled = text.replace('【待填写：谁遇到了什么问题？】', '居民反映办证要往返三次。');
    expect(lint(filled).findings).toEqual([]);
  });

  it('respects a narrower scope from the configuration', () => {
    const text = '# 方案\n\n## 平台\n\n居民反映办证要往返三次。\n\n平台采用最先进的技术。\n';
    expect(lint(text).findings).toEqual([]);
    const config = recommended();
    config.rules['superlative-tech']!.scope = 'paragraph';
    expect(lint(text, { config }).findings.map((f) => f.ruleId)).toEqual(['superlative-tech']);
  });

  it('takes added triggers, safeguards and allowed phrases from the configuration', () => {
    const config = recommended();
    config.rules['concept-race']!.triggers.push('智慧灯塔');
    config.rules['superlative-tech']!.allow.push('最先进');
    config.rules['digital-only']!.safeguards.push('社区代办点');
    const text = '# 方案\n\n打造智慧灯塔项目，采用最先进的技术。\n\n市民必须通过APP预约，或到社区代办点办理。\n';
    expect(lint(text, { config }).findings.map((f) => [f.ruleId, slice(text, f)])).toEqual([['concept-race', '智慧灯塔']]);
  });
});

describe('directives', () => {
  const base = '# 方案\n\n平台采用最先进的技术。\n';
  it('disable and enable a range, with the reason kept', () => {
    const text = `# 方案\n\n<!-- needfirst-disable superlative-tech -- 对外宣传稿 -->\n\n平台采用最先进的技术。\n\n<!-- needfirst-enable superlative-tech -->\n\n系统达到国际领先水平。\n`;
    const r = lint(text);
    expect(r.findings.map((f) => f.start.line)).toEqual([9]);
    expect(r.suppressed.map((s) => [s.ruleId, s.line, s.reason])).toEqual([['superlative-tech', 5, '对外宣传稿']]);
  });

  it('disable-next-line and disable-line', () => {
    const next = `# 方案\n\n<!-- needfirst-disable-next-line superlative-tech -- 引用原文 -->\n平台采用最先进的技术。\n`;
    expect(lint(next).findings).toEqual([]);
    const same = `# 方案\n\n平台采用最先进的技术。<!-- needfirst-disable-line -- 引用原文 -->\n`;
    expect(lint(same).findings).toEqual([]);
    expect(lint(same).suppressed[0]!.reason).toBe('引用原文');
  });

  it('reports a directive without a reason or with an unknown rule, and still applies known rules', () => {
    const text = `# 方案\n\n<!-- needfirst-disable-next-line superlative-tech -->\n平台采用最先进的技术。\n\n<!-- needfirst-disable-next-line superlative -- 原文 -->\n打造全国首个智慧社区。\n\n<!-- needfirst-disabel -->\n`;
    const r = lint(text);
    const problems = r.findings.filter((f) => f.ruleId === 'invalid-directive');
    expect(problems.map((f) => f.start.line)).toEqual([3, 6, 9]);
    expect(problems[0]!.message).toContain('没有说明理由');
    expect(problems[1]!.message).toContain('规则「superlative」不存在');
    expect(problems[2]!.message).toContain('未知的 needfirst 指令「needfirst-disabel」');
    expect(r.findings.filter((f) => f.ruleId === 'concept-race')).toHaveLength(1);
    expect(r.suppressed.map((s) => s.ruleId)).toEqual(['superlative-tech']);
    expect(lint(base.replace('方案', '方案 <!-- needfirst-disable-line -- ok -->')).findings).toHaveLength(1);
  });

  it('read a Chinese dash or a colon before the reason as " -- ", and hint with the directive as written', () => {
    for (const directive of ['superlative-tech —— 引用原文', 'superlative-tech——引用原文', 'superlative-tech：引用原文', 'superlative-tech: 引用原文']) {
      const r = lint(`# 方案\n\n<!-- needfirst-disable-next-line ${directive} -->\n平台采用最先进的技术。\n`);
      expect(r.findings, directive).toEqual([]);
      expect(r.suppressed.map((x) => x.reason), directive).toEqual(['引用原文']);
    }
    const bare = lint('# 方案\n\n平台采用最先进的技术。<!-- needfirst-disable-line -->\n').findings.find((f) => f.ruleId === 'invalid-directive');
    expect(bare!.message).toContain('<!-- needfirst-disable-line rule-id -- ');
  });
});

describe('fixes', () => {
  it('are data, applied bottom-up, never overlapping', () => {
    const text = 'abcdef';
    const out = applyFixes(text, [
      { title: 'a', kind: 'fix', edits: [{ offset: 1, length: 2, text: 'X' }] },
      { title: 'b', kind: 'fix', edits: [{ offset: 2, length: 2, text: 'Y' }] },
      { title: 'c', kind: 'fix', edits: [{ offset: 5, length: 1, text: 'Z' }] },
    ]);
    expect(out).toEqual({ output: 'aXdeZ', applied: 2, skipped: 1 });
  });

  it('are not offered where deleting would cut through markup', () => {
    const [f] = lint('# 方案\n\n平台采用**最先进**的技术。\n').findings;
    expect(f!.fixes.map((x) => x.kind)).toEqual(['scaffold']);
  });

  /** The third line of a one-paragraph document after every deletion fix is applied once; null with none. */
  const deleted = (sentence: string): string | null => {
    const text = `# Plan\n\n${sentence}\n`;
    const fixes = lint(text).findings.flatMap((f) => f.fixes.filter((x) => x.kind === 'fix'));
    return fixes.length === 0 ? null : applyFixes(text, fixes).output.split('\n')[2]!;
  };

  it('delete an English boast before a noun and mend the article it leaves, but not a boast used as a noun', () => {
    expect(deleted('We will build a revolutionary automated governance system.')).toBe('We will build an automated governance system.');
    expect(deleted('An innovative, cutting-edge portal is planned.')).toBe('An innovative portal is planned.');
    expect(deleted('A simple and cutting-edge portal.')).toBe('A simple portal.');
    expect(deleted('A state-of-the-art AI platform for permits.')).toBe('An AI platform for permits.');
    expect(deleted('It is a cutting-edge system for permits.')).toBe('It is a system for permits.');
    expect(deleted('A cheap, state-of-the-art and reliable kiosk.')).toBe('A cheap and reliable kiosk.');
    expect(deleted('It combines citizen engagement, cutting-edge AI, and open data.')).toBe('It combines citizen engagement, AI, and open data.');
    expect(deleted('Sensors, cameras and cutting-edge analytics.')).toBe('Sensors, cameras and analytics.');
    expect(deleted('Officers at the leading edge of service delivery.')).toBeNull();
    expect(deleted('We want to be first in the nation to use drones.')).toBeNull();
    expect(deleted("It will be the world's most advanced monitoring system.")).toBeNull();
    expect(deleted("The city's cutting-edge portal opens in May.")).toBe("The city's portal opens in May.");
    expect(deleted('平台采用国际最先进的技术。')).toBe('平台采用技术。');
    expect(deleted('平台采用目前国内最先进的技术。')).toBe('平台采用技术。');
    expect(deleted('平台采用最先进的技术。')).toBe('平台采用技术。');
  });

  it('leave the sentence saying what it said: a place keeps its boast, lists lose their joiner, a capital moves on', () => {
    // Without the boast these would name where the technology comes from.
    expect(deleted('采用美国最先进的技术建设平台。')).toBeNull();
    expect(deleted('採用台灣最先進的技術建置平台。')).toBeNull();
    expect(deleted("We adopt America's most advanced technology.")).toBeNull();
    // Scope words that name only how far the boast reaches go with it.
    expect(deleted('采用我国最先进的技术建设平台。')).toBe('采用技术建设平台。');
    expect(deleted('打造全台最先進的智慧城市。')).toBe('打造智慧城市。');
    // A 顿号 list loses the item and one 、; a boast with no noun after it, or all of an element, stays.
    expect(deleted('采用最先进的、最成熟的技术。')).toBe('采用最成熟的技术。');
    expect(deleted('采用成熟的、最先进的技术。')).toBe('采用成熟的技术。');
    // Two boasts of one list both claim a 、; the second goes on the next pass, as --fix runs.
    expect(deleted('打造全国首个、全省最先进的平台。')).toBe('打造全省最先进的平台。');
    expect(deleted('打造全省最先进的平台。')).toBe('打造平台。');
    expect(deleted('我们要用最先进的。')).toBeNull();
    expect(deleted('采用<span>最先进的</span>技术。')).toBeNull();
    // A sentence that opened with the boast opens with the next word, capitalised.
    expect(deleted('State-of-the-art sensors will be installed.')).toBe('Sensors will be installed.');
    expect(deleted('Cutting-edge analytics will guide buses. World-class sensors will count riders.')).toBe('Analytics will guide buses. Sensors will count riders.');
    expect(deleted('"State-of-the-art sensors," the mayor said.')).toBe('"Sensors," the mayor said.');
  });

  it('every rule offers at least one fix or scaffold on each flagged example', () => {
    for (const entry of (vocab as unknown as VocabData).rules) {
      for (const example of entry.examples.flagged) {
        const findings = lint(`# 方案\n\n## 内容\n\n${example}\n`).findings.filter((f) => f.ruleId === entry.rule);
        expect(findings.length, example).toBeGreaterThan(0);
        for (const f of findings) expect(f.fixes.length, `${entry.rule}: ${example}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('containment', () => {
  it('a rule that throws does not stop the others, and is named', () => {
    const broken: Rule = { ...RULES[0]!, id: 'broken-rule', check: () => { throw new Error('boom'); } };
    const r = lint('# 方案\n\n市民必须通过APP预约。\n', { rules: [broken, ...RULES] });
    expect(r.ruleFailures).toEqual([{ ruleId: 'broken-rule', error: 'boom' }]);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['digital-only']);
  });

  it('an empty document and odd Markdown give no findings and no errors', () => {
    for (const text of ['', '\n', '# ', '```\nunclosed', '|', '<!--', '- \n  - \n', '\ufeff']) {
      const r = lint(text);
      expect(r.findings).toEqual([]);
      expect(r.ruleFailures).toEqual([]);
    }
  });
});

describe('normalisation of configured phrases', () => {
  it('folds script, width and case', () => {
    expect(normalizeLiteral('最先進 ＡＩ')).toBe('最先进 ai');
  });
});
