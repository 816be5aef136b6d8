// A deterministic generator of realistic requirement specs for the benchmark: Simplified and
// Traditional Chinese and English; front matter, headings, lists, tables, code, links, hard-wrapped
// and unwrapped paragraphs; trigger and safeguard sentences (taken from the vocabulary's own
// examples) at a realistic density among ordinary prose. The same seed always gives the same text.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const vocab = require('../../server/src/engine/generated/vocab.json');
const OpenCC = require('opencc-js');
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** mulberry32: a small, fast, seeded generator. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  return { next, int, pick };
}

const PLACES_ZH = ['东湖区', '滨江街道', '北城新区', '南山社区', '高新园区', '老城片区', '河西街道', '临港镇'];
const PLACES_EN = ['Riverton', 'the Eastside ward', 'Harbour district', 'Northgate', 'the old town', 'Millbrook', 'Southbank'];
const TOPICS_ZH = ['停车诱导', '垃圾分类', '社区养老', '政务服务', '公共交通', '防汛排涝', '学校入学', '医疗预约', '路灯改造', '数据共享'];
const TOPICS_EN = ['parking guidance', 'waste collection', 'elderly care', 'permit services', 'public transport', 'flood warning', 'school admissions', 'clinic bookings', 'street lighting', 'data sharing'];

const FILLER_ZH = [
  '本项目由{place}牵头，计划在{year}年完成第一阶段建设。',
  '{topic}涉及多个部门，需要明确职责分工和协调机制。',
  '项目预算约{n}万元，资金来源为市级财政和专项债券。',
  '现有系统运行{n}年，部分设备老化，故障率逐年上升。',
  '各街道每月报送一次运行情况，由牵头部门汇总。',
  '建设内容包括前端设备、网络传输、数据平台和应用系统四个部分。',
  '{place}常住人口约{n}万人，其中六十岁以上老年人占比较高。',
  '项目实施周期为{n}个月，分为设计、建设、试运行和验收四个阶段。',
  '数据按照相关标准进行分类分级管理，并定期开展安全评估。',
  '运维单位应在合同中约定响应时间和服务水平。',
  '{topic}相关业务目前主要依靠人工登记和电话联系。',
  '平台需与市级数据共享交换平台对接，接口遵循统一规范。',
  '验收标准以功能测试、性能测试和用户满意度评价为依据。',
  '项目完成后由{place}负责日常管理和维护。',
  '各参建单位应按月提交进度报告，重大变更须经审批。',
];
const FILLER_EN = [
  'The project is led by {place} and the first phase is due in {year}.',
  '{Topic} involves several departments, so roles and coordination must be agreed early.',
  'The budget is about {n} thousand dollars, funded by the city and a state grant.',
  'The current system has run for {n} years and parts of it are reaching the end of their life.',
  'Each ward reports its figures once a month to the lead department.',
  'The work covers field equipment, the network, a data platform and the applications on top.',
  '{Place} has about {n} thousand residents, and the share of people over sixty is rising.',
  'Delivery is planned over {n} months in four stages: design, build, trial and acceptance.',
  'Data is classified and handled under the city data standard, with yearly security reviews.',
  'The maintenance contract will set response times and service levels.',
  '{Topic} is handled today mostly by paper forms and phone calls.',
  'The platform connects to the city data exchange through its published interfaces.',
  'Acceptance is based on functional tests, load tests and a survey of users.',
  'After handover, {place} is responsible for day-to-day operation.',
  'Contractors submit a progress report every month; major changes need approval.',
];
const HEADINGS_ZH = ['项目背景', '建设目标', '建设内容', '技术路线', '实施计划', '组织保障', '投资估算', '运维管理', '风险分析', '效益分析', '数据安全', '验收要求'];
const HEADINGS_EN = ['Background', 'Objectives', 'Scope of work', 'Technical approach', 'Delivery plan', 'Governance', 'Cost estimate', 'Operation and maintenance', 'Risks', 'Benefits', 'Data protection', 'Acceptance'];

const byLang = (lang) => ({
  triggers: vocab.rules.filter((r) => r.lang === lang).flatMap((r) => r.examples.flagged),
  safeguards: vocab.safeguards.filter((s) => s.lang === lang).flatMap((s) => s.examples.found),
  accepted: vocab.rules.filter((r) => r.lang === lang).flatMap((r) => r.examples.accepted),
});
const SENTENCES = { zh: byLang('zh'), en: byLang('en') };

function fill(template, r, lang) {
  const place = lang === 'en' ? r.pick(PLACES_EN) : r.pick(PLACES_ZH);
  const topic = lang === 'en' ? r.pick(TOPICS_EN) : r.pick(TOPICS_ZH);
  return template
    .replace('{place}', place)
    .replace('{Place}', place[0].toUpperCase() + place.slice(1))
    .replace('{topic}', topic)
    .replace('{Topic}', topic[0].toUpperCase() + topic.slice(1))
    .replace('{year}', String(2025 + r.int(4)))
    .replace('{n}', String(3 + r.int(90)));
}

/** One sentence: mostly ordinary prose; about 1 in 14 a trigger, 1 in 8 a safeguard, 1 in 20 an accepted use. */
function sentence(r, lang) {
  const base = lang === 'en' ? 'en' : 'zh';
  const x = r.next();
  if (x < 0.07) return r.pick(SENTENCES[base].triggers);
  if (x < 0.195) return r.pick(SENTENCES[base].safeguards);
  if (x < 0.245) return r.pick(SENTENCES[base].accepted);
  return fill(r.pick(base === 'en' ? FILLER_EN : FILLER_ZH), r, base);
}

function wrap(text, width, lang) {
  const out = [];
  if (lang === 'en') {
    let line = '';
    for (const word of text.split(' ')) {
      if (line && line.length + word.length + 1 > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(line);
  } else {
    for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  }
  return out.join('\n');
}

function paragraph(r, lang) {
  const count = 2 + r.int(4);
  const parts = [];
  for (let i = 0; i < count; i++) parts.push(sentence(r, lang));
  let text = parts.join(lang === 'en' ? ' ' : '');
  const x = r.next();
  if (x < 0.15) text += lang === 'en' ? ` See [the city plan](https://example.org/plan/${r.int(100)}).` : `详见[市级规划](https://example.org/plan/${r.int(100)})。`;
  else if (x < 0.25) text += lang === 'en' ? ` The service is called \`svc-${r.int(50)}\`.` : `接口名称为\`svc-${r.int(50)}\`。`;
  else if (x < 0.32) text = lang === 'en' ? `**Note:** ${text}` : `**说明：**${text}`;
  // Half the paragraphs are hard-wrapped, as specs written in an editor often are.
  return r.next() < 0.5 ? wrap(text, lang === 'en' ? 78 : 38, lang) : text;
}

function list(r, lang) {
  const ordered = r.next() < 0.4;
  const items = [];
  const n = 2 + r.int(5);
  for (let i = 0; i < n; i++) items.push(`${ordered ? `${i + 1}.` : '-'} ${sentence(r, lang)}`);
  return items.join('\n');
}

function table(r, lang) {
  const head = lang === 'en' ? '| Item | Description | Owner |\n| --- | --- | --- |' : '| 事项 | 说明 | 责任单位 |\n| --- | --- | --- |';
  const rows = [];
  const n = 2 + r.int(4);
  for (let i = 0; i < n; i++) {
    const owner = lang === 'en' ? r.pick(PLACES_EN) : r.pick(PLACES_ZH);
    rows.push(`| ${i + 1} | ${sentence(r, lang).replace(/\|/g, '/')} | ${owner} |`);
  }
  return `${head}\n${rows.join('\n')}`;
}

function code(r) {
  const lines = [];
  const n = 3 + r.int(6);
  for (let i = 0; i < n; i++) lines.push(`  key_${i}: value-${r.int(1000)}`);
  return `\`\`\`yaml\nservice:\n${lines.join('\n')}\n\`\`\``;
}

function block(r, lang) {
  const x = r.next();
  if (x < 0.55) return paragraph(r, lang);
  if (x < 0.78) return list(r, lang);
  if (x < 0.92) return table(r, lang);
  return code(r);
}

function section(r, lang, number) {
  const heading = lang === 'en' ? r.pick(HEADINGS_EN) : r.pick(HEADINGS_ZH);
  const parts = [`## ${number}. ${heading}`];
  const subs = 1 + r.int(3);
  for (let s = 0; s < subs; s++) {
    if (s > 0 || r.next() < 0.5) {
      const topic = lang === 'en' ? r.pick(TOPICS_EN) : r.pick(TOPICS_ZH);
      parts.push(`### ${number}.${s + 1} ${topic}`);
    }
    const n = 2 + r.int(4);
    for (let b = 0; b < n; b++) parts.push(block(r, lang));
  }
  return parts.join('\n\n');
}

function convert(text, lang) {
  return lang === 'zh-Hant' ? toTraditional(text) : text;
}

const LANGS = ['zh-Hans', 'zh-Hant', 'en'];

/**
 * A spec of at least `bytes` UTF-8 bytes (or `lines` lines), cut at a section boundary.
 * `lang` fixes the language; `mixed` changes it every few sections, as a compiled plan would.
 */
export function spec({ seed, bytes = Infinity, lines = Infinity, lang = 'mixed' }) {
  const r = rng(seed);
  const docLang = lang === 'mixed' ? 'zh-Hans' : lang;
  const title = docLang === 'en' ? `# ${r.pick(PLACES_EN)} ${r.pick(TOPICS_EN)} plan` : `# ${r.pick(PLACES_ZH)}${r.pick(TOPICS_ZH)}建设方案`;
  const front = `---\ntitle: spec-${seed}\nversion: 1.${r.int(9)}\nowner: bench\n---`;
  const parts = [front, convert(title, docLang)];
  let size = Buffer.byteLength(parts.join('\n\n'));
  let lineCount = parts.join('\n\n').split('\n').length;
  let current = docLang;
  for (let n = 1; size < bytes && lineCount < lines; n++) {
    if (lang === 'mixed' && n % 4 === 1) current = LANGS[r.int(3)];
    const s = convert(section(r, current, n), current);
    parts.push(s);
    size += Buffer.byteLength(s) + 2;
    lineCount += s.split('\n').length + 1;
  }
  let text = `${parts.join('\n\n')}\n`;
  if (Number.isFinite(lines)) text = `${text.split('\n').slice(0, lines).join('\n')}\n`;
  return text;
}

/** The phrase list given to textlint-rule-prh: the literal trigger terms of the vocabulary. */
export function phraseList(limit = 300) {
  const phrases = new Set();
  for (const rule of vocab.rules) {
    for (const t of rule.triggers) {
      if (t.term === undefined) continue;
      // The term syntax: take the first alternative of each group and drop optional parts and gaps.
      const first = t.term.replace(/\([^()]*\)\?/g, '').replace(/\(([^()|]*)[^()]*\)/g, '$1').replace(/…/g, '').replace(/\s+/g, ' ').trim();
      if (first.length >= 2 && !/[()|?]/.test(first)) phrases.add(first);
    }
  }
  return [...phrases].slice(0, limit);
}
