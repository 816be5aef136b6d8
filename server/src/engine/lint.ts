import vocabData from './generated/vocab.json';
import { compileVocab, type CompiledVocab } from './compiled.js';
import { parseMarkdown, type Section } from './markdown.js';
import { Analysis, type Answer, type Hit, type RuleContext } from './context.js';
import { documentLanguage, languageStats, messageLanguageFor } from './language.js';
import { format, localize, sharedMessages, type Localized } from './i18n.js';
import { lineStarts, positionAt } from './positions.js';
import { parseDirectives, suppressor, type DirectiveProblem } from './directives.js';
import { computeChecklist } from './checklist.js';
import { RULES } from './rules/index.js';
import { INVALID_DIRECTIVE, VALUE_CHECKLIST } from './meta.js';
import { recommended } from './presets.js';
import { normalizeLiteral, setRegionalVariants } from './normalize.js';
import { compileTerms, literalEntry, type TermMatcher, type VocabData } from './vocab.js';
import type { LintSession } from './incremental.js';
import type { ResolvedConfig, RuleSettings } from './config.js';
import type { Rule } from './rule.js';
import type { Finding, Fix, LintResult, MessageLanguage, RuleFailure, Suppression } from './types.js';

setRegionalVariants((vocabData as unknown as VocabData).variants);
export const VOCAB: CompiledVocab = compileVocab(vocabData as unknown as VocabData);

export interface LintOptions {
  config?: ResolvedConfig;
  /** The rules to run; tests pass their own, adapters leave the catalogue. */
  rules?: readonly Rule[];
  /**
   * Kept by an editor per open document: re-parses only the blocks an edit touched and reuses
   * the work done on unchanged blocks. The result is exactly the result without it.
   */
  session?: LintSession;
}

interface Report {
  rule: Rule;
  settings: RuleSettings;
  hit: Hit;
  answer: Answer;
}

/** Lints one Markdown document. Pure: text and configuration in, findings out. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? recommended();
  const rules = options.rules ?? RULES;
  const session = options.session;
  const doc = session ? session.parse(text, { blockquotes: config.blockquotes }) : parseMarkdown(text, { blockquotes: config.blockquotes });
  const stats = languageStats(doc.blocks);
  const language = documentLanguage(stats);
  const messageLanguage: MessageLanguage = config.messages === 'auto' ? messageLanguageFor(language, stats) : config.messages;
  const analysis = new Analysis(doc, VOCAB, session !== undefined);
  const starts = lineStarts(text);
  const reports: Report[] = [];
  const ruleFailures: RuleFailure[] = [];

  for (const rule of rules) {
    const settings = config.rules[rule.id] ?? { severity: rule.defaultSeverity, scope: 'section', triggers: [], safeguards: [], allow: [] };
    if (settings.severity === 'off') continue;
    const matchers = [...(VOCAB.triggers.get(rule.id) ?? []), ...customMatchers(settings.triggers)];
    analysis.setCustomSafeguards(rule.id, customMatchers(settings.safeguards));
    const allowed = settings.allow.map(normalizeLiteral).filter(Boolean);
    let triggers: Hit[] | null = null;
    const ruleTriggers = (): Hit[] =>
      (triggers ??= analysis.hits(matchers, { negation: 'trigger', context: VOCAB.contexts.get(rule.id) ?? [] }).filter((hit) => {
        const phrase = hit.block.norm.text.slice(hit.start, hit.end);
        return !allowed.some((a) => phrase.includes(a) || a.includes(phrase));
      }));
    const context: RuleContext = {
      rule,
      triggers: ruleTriggers,
      answer: (hit) => answerFor(analysis, rule, settings, hit, ruleTriggers()),
      report: (hit, answer) => reports.push({ rule, settings, hit, answer }),
    };
    try {
      rule.check(context);
    } catch (error) {
      ruleFailures.push({ ruleId: rule.id, error: error instanceof Error ? error.message : String(error) });
    }
  }

  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const findings: Finding[] = dedupe(reports).map((r) => toFinding(r, analysis, messageLanguage, starts, eol));

  const known = new Set([...rules.map((r) => r.id), INVALID_DIRECTIVE.id, VALUE_CHECKLIST.id]);
  const { directives, problems } = parseDirectives(text, doc.comments, known, starts);
  const directiveSettings = config.rules[INVALID_DIRECTIVE.id];
  if (directiveSettings?.severity !== 'off') {
    for (const p of problems) findings.push(directiveFinding(p, [...known].sort(), directiveSettings?.severity ?? 'warning', messageLanguage, text, starts));
  }

  const checklist = computeChecklist(analysis, messageLanguage, starts);
  const checklistSettings = config.rules[VALUE_CHECKLIST.id];
  if (config.checklist.diagnostics && checklistSettings && checklistSettings.severity !== 'off') {
    const missing = checklist.filter((c) => !c.addressed);
    if (missing.length > 0) {
      const at = doc.bodyStart;
      const lineEnd = text.indexOf('\n', at);
      const end = lineEnd === -1 ? text.length : lineEnd > at && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
      findings.push(
        plainFinding(VALUE_CHECKLIST.id, checklistSettings.severity, format(localize(sharedMessages.checklistMissing, messageLanguage), {
          count: missing.length,
          items: missing.map((m) => m.title).join(messageLanguage === 'en' ? '; ' : '；'),
        }), at, Math.max(at, end), text, starts),
      );
    }
  }

  const kept: Finding[] = [];
  const suppressed: Suppression[] = [];
  for (const finding of findings) {
    const by = finding.ruleId === INVALID_DIRECTIVE.id ? null : suppressor(directives, finding.ruleId, finding.range.start, finding.start.line);
    if (by) suppressed.push({ ruleId: finding.ruleId, line: finding.start.line, reason: by.reason ?? '', finding });
    else kept.push(finding);
  }
  kept.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  return { language, messageLanguage, findings: kept, suppressed, checklist, ruleFailures };
}

/** The same phrases give the same matcher objects, so cached hits stay valid from one lint to the next. */
const customMemo = new Map<string, TermMatcher[]>();

function customMatchers(phrases: string[]): TermMatcher[] {
  if (phrases.length === 0) return [];
  const key = JSON.stringify(phrases);
  let found = customMemo.get(key);
  if (!found) {
    if (customMemo.size > 256) customMemo.clear();
    found = compileCustom(phrases);
    customMemo.set(key, found);
  }
  return found;
}

function compileCustom(phrases: string[]): TermMatcher[] {
  const entries = phrases.map(normalizeLiteral).filter(Boolean).map(literalEntry);
  const matcher = compileTerms(entries, 'zh');
  return matcher ? [matcher] : [];
}

function answerFor(analysis: Analysis, rule: Rule, settings: RuleSettings, hit: Hit, claims: Hit[]): Answer {
  if (analysis.customFound(rule.id, hit, settings.scope)) return { answered: true, missing: [], unfilled: [] };
  let best: string[] | null = null;
  for (const group of rule.safeguards) {
    const missing = group.filter((set) => !analysis.found(set, hit, settings.scope, claims));
    if (missing.length === 0) return { answered: true, missing: [], unfilled: [] };
    if (best === null || missing.length < best.length) best = missing;
  }
  const missing = best ?? [];
  const unfilled = missing.flatMap((set) => analysis.dedicatedSections(set).unfilled.map((s) => s.title));
  return { answered: false, missing, unfilled };
}

/**
 * Two trigger terms of one rule can cover the same words: report the first and longest once.
 * Every separate occurrence is reported, as linters do, so that fixes and directives act on each.
 */
function dedupe(reports: Report[]): Report[] {
  const sorted = [...reports].sort((a, b) => a.hit.srcStart - b.hit.srcStart || b.hit.srcEnd - a.hit.srcEnd);
  const out: Report[] = [];
  // Sorted by start, a report clashes exactly when an earlier one of its rule ends after it starts.
  const reach = new Map<string, number>();
  for (const r of sorted) {
    if ((reach.get(r.rule.id) ?? -1) > r.hit.srcStart) continue;
    out.push(r);
    reach.set(r.rule.id, r.hit.srcEnd);
  }
  return out;
}

function toFinding(report: Report, analysis: Analysis, language: MessageLanguage, starts: number[], eol: string): Finding {
  const { rule, hit, answer, settings } = report;
  const text = analysis.doc.text;
  const section = analysis.sectionOf(hit.block);
  const missingText = describeMissing(rule, analysis, answer.missing, language);
  const template = rule.tags.includes('technical-judgment') ? sharedMessages.unanswered : sharedMessages.unansweredValue;
  let message = format(localize(template, language), {
    text: quoted(text.slice(hit.srcStart, hit.srcEnd)),
    judgment: localize(rule.judgment.text, language),
    missing: missingText,
  });
  for (const heading of answer.unfilled) message += format(localize(sharedMessages.unfilled, language), { heading });
  const fixes: Fix[] = [];
  const deletion = deletionFix(hit, text, language);
  if (deletion) fixes.push(deletion);
  // The scaffold answers what is missing: the rule's own section, or else the first missing set.
  const scaffoldSet = answer.missing.includes(rule.scaffold) ? rule.scaffold : (answer.missing[0] ?? rule.scaffold);
  const scaffold = scaffoldFix(scaffoldSet, analysis, section, language, eol);
  if (scaffold) fixes.push(scaffold);
  return {
    ruleId: rule.id,
    severity: settings.severity === 'off' ? 'hint' : settings.severity,
    message,
    range: { start: hit.srcStart, end: hit.srcEnd },
    start: positionAt(starts, hit.srcStart),
    end: positionAt(starts, hit.srcEnd),
    text: text.slice(hit.srcStart, hit.srcEnd),
    safeguard: answer.missing.map((set) => describeSearch(analysis, set, section, settings, language)).join(' '),
    scopeRange: { start: section.start, end: section.end },
    scopeTitle: section.title,
    scaffoldUnfilled: answer.unfilled.length > 0,
    fixes,
  };
}

/** The words of a match as a message quotes them: comments and line breaks inside it left out. */
function quoted(source: string): string {
  return source.replace(/<!--[\s\S]*?-->/g, '').replace(/\s*\n\s*/g, (m, offset: number, all: string) => (/[\u3400-\u9fff]/.test(all[offset - 1] ?? '') ? '' : ' ')).replace(/\s+/g, ' ').trim();
}

function describeMissing(rule: Rule, analysis: Analysis, missing: string[], language: MessageLanguage): string {
  const label = (set: string): string => localize(analysis.set(set).label, language);
  const and = localize(sharedMessages.and, language);
  const or = localize(sharedMessages.or, language);
  // Name what is missing in the closest group; where the rule accepts other groups, name them too.
  const others = rule.safeguards.filter((g) => !g.some((s) => missing.includes(s)));
  return [missing.map(label).join(and), ...others.map((g) => g.map(label).join(and))].join(or);
}

function describeSearch(analysis: Analysis, setId: string, section: Section, settings: RuleSettings, language: MessageLanguage): string {
  const set = analysis.set(setId);
  const label = localize(set.label, language);
  const order = ['sentence', 'paragraph', 'section', 'document'];
  const scope = order[Math.min(order.indexOf(settings.scope), order.indexOf(set.maxScope))];
  if (scope === 'sentence') return format(localize(sharedMessages.searchedSentence, language), { label });
  if (scope === 'paragraph') return format(localize(sharedMessages.searchedParagraph, language), { label });
  if (scope === 'document') return format(localize(sharedMessages.searchedDocument, language), { label });
  const name = section.title ? format(localize(sharedMessages.sectionName, language), { title: section.title }) : '';
  return format(localize(sharedMessages.searchedIn, language), { label, section: name, headings: localize(set.headingExamples, language) });
}

/**
 * A deletion is offered only where the term's source is one unbroken run of plain text, so that
 * removing it never cuts through markup.
 */
function deletionFix(hit: Hit, text: string, language: MessageLanguage): Fix | null {
  const kind = hit.entry.fix;
  if (!kind) return null;
  const norm = hit.block.norm;
  let start = hit.start;
  let end = hit.end;
  // An English adjective joined to the one before it ("innovative, cutting-edge portal") goes with
  // its joining comma or "and" (as written before it, e.g. ", "); any other with the space after it.
  let joiner = '';
  if (kind === 'attributive') {
    const next = norm.text[end];
    if (next === '的') {
      end += 1;
      // "采用国际最先进的技术" without the boast is "采用技术", not "采用国际技术".
      start -= ZH_SUPERLATIVE_SCOPE.exec(norm.text.slice(Math.max(0, start - 6), start))?.[0].length ?? 0;
      // Any other word before it may be the scope too ("采用美国最先进的技术"), and without the boast
      // it would name the technology's origin; so the fix is offered only after a word that cannot be.
      if (!ZH_BEFORE_ATTRIBUTIVE.test(norm.text.slice(Math.max(0, start - 4), start))) return null;
      // The boast must stand before a noun: "我们要用最先进的。" has nothing left to use.
      if (!/[\p{Script=Han}a-z0-9、]/u.test(norm.text[end] ?? '')) return null;
    } else if (next === ' ' && /[a-z]/.test(norm.text[end + 1] ?? '') && /[a-z]/.test(norm.text[start] ?? '')) {
      const before = norm.text.slice(Math.max(0, start - 12), start);
      joiner = /(?<=[a-z])(?:, and |, or |, | and | or )$/.exec(before)?.[0] ?? '';
      // After a noun the boast opens the next item of a list ("citizen engagement, cutting-edge AI,
      // …"): the joiner stays with the list, and only the boast goes.
      if (joiner && NOUN_ENDING.test(before.slice(0, before.length - joiner.length))) joiner = '';
      const after = norm.text.slice(end + 1, end + 12);
      // "the leading edge of service", "first in the nation to": a noun phrase, not a word before
      // a noun, so deleting it would break the sentence. In a list ("cheap, state-of-the-art and
      // reliable") the comma before goes and the "and" stays.
      const listed = joiner === ', ' && /^(?:and|or)(?![a-z])/.test(after);
      if (NOT_A_NOUN_AFTER.test(after) && !listed) return null;
      // "the world's most advanced system" without the boast says "the world's system"; after any
      // owner a superlative is measured there ("America's most advanced technology"), so it stays.
      const superlative = /^(?:most |smartest|best )/.test(norm.text.slice(start, end));
      if ((superlative ? /['’]s $/ : /(?:world|nation|country|region|continent|planet|industry|sector)['’]s $/).test(before)) return null;
      if (!joiner) end += 1;
    } else return null;
  }
  // An item of a Chinese list goes with one of its 顿号: "采用最先进的、最成熟的技术" becomes
  // "采用最成熟的技术", and "打造全国首个、全省领先的平台" keeps no stray 、.
  if (norm.text[end] === '、') end += 1;
  else if (norm.text[start - 1] === '、') start -= 1;
  const termStart = norm.sourceStart(start) + hit.block.offset;
  const srcEnd = norm.sourceEnd(end - 1) + hit.block.offset;
  // The joiner is plain ASCII, so it must stand in the source as it is, not across a line break.
  if (joiner && text.slice(termStart - joiner.length, termStart) !== joiner) return null;
  let srcStart = termStart - joiner.length;
  if (/[*_`[\]<>\r\n\\]/.test(text.slice(srcStart, srcEnd))) return null;
  // Deleting all of an element's text ("<span>最先进的</span>") leaves an empty element.
  if (text[srcStart - 1] === '>' && text[srcEnd] === '<') return null;
  // The title names the boast with its scope word ("国际最先进"), without the joiner, space or 的.
  const shown = text.slice(termStart, norm.sourceEnd(hit.end - 1) + hit.block.offset);
  // "a revolutionary automated system" must become "an automated system".
  let replacement = '';
  const article = joiner ? null : /(?<![\p{L}\p{N}])(an?) $/iu.exec(text.slice(Math.max(0, srcStart - 4), srcStart));
  const following = /^[A-Za-z][\w-]*/.exec(text.slice(srcEnd, srcEnd + 40))?.[0];
  if (article && following) {
    const wanted = indefiniteArticle(following);
    if (wanted !== article[1]!.toLowerCase()) {
      srcStart -= article[0].length;
      replacement = `${article[1]![0] === 'A' ? wanted[0]!.toUpperCase() + wanted.slice(1) : wanted} `;
    }
  }
  // A boast that opened a sentence hands its capital on: "State-of-the-art sensors will…" becomes
  // "Sensors will…".
  // Three characters before it tell (". ", '. "', or the block's start), so a long block costs no more.
  const opensSentence = /^[A-Z]/.test(text[termStart] ?? '') && /(?:^|[.!?:] ?)["“'‘(]?$/.test(norm.text.slice(Math.max(0, start - 3), start));
  if (opensSentence && !article && following && /^[a-z]/.test(following)) {
    return {
      title: format(localize(sharedMessages.deleteTitle, language), { text: shown }),
      kind: 'fix',
      edits: [{ offset: srcStart, length: srcEnd + 1 - srcStart, text: following[0]!.toUpperCase() }],
    };
  }
  return {
    title: format(localize(sharedMessages.deleteTitle, language), { text: shown }),
    kind: 'fix',
    edits: [{ offset: srcStart, length: srcEnd - srcStart, text: replacement }],
  };
}

/** Where a Chinese superlative is measured ("国际最先进", "目前国内最先进"): it goes with the superlative. */
const ZH_SUPERLATIVE_SCOPE = /(?:(?:目前|当前|当今)?(?:全球|世界|全国|国内外|国内|国际|我国|业内|业界|行业内?|全省|全市|全县|全区|全台|全港|全澳|省内|市内|区内|县内|本市|本省|亚洲|同类产品中|同类)(?:上|范围内)?|目前|当前|当今)$/;

/**
 * What may stand right before a Chinese attributive boast so that the sentence reads right
 * without it: the start, punctuation, a verb that takes the noun, a measure word or a particle.
 */
const ZH_BEFORE_ATTRIBUTIVE = /(?:^|[\s\p{P}]|采用|使用|运用|应用|引进|引入|利用|借助|依托|基于|建设|建成|打造|构建|搭建|部署|提供|配备|配置|具备|具有|拥有|达到|成为|是|为|用|以|和|与|及|或|等|的|个|套|款|项|种|批|支|流)$/u;

/** Word endings of English nouns (engagement, integration, analytics, sensors), not of adjectives. */
const NOUN_ENDING = /(?:ment|tion|sion|ness|ity|ship|ism|ance|ence|ics|[^su's]s)$/;

/** Words that cannot follow an adjective before its noun: prepositions, conjunctions, verbs of being, articles. */
const NOT_A_NOUN_AFTER = /^(?:of|in|on|at|for|to|and|or|but|with|by|from|as|than|that|which|who|is|are|was|were|be|been|will|can|the|a|an)(?![a-z])/;

/**
 * The indefinite article a word takes, by its first sound as far as spelling tells it: "an
 * automated", "a university", "an hour", and for an acronym the name of its first letter ("an
 * AI", "a GIS").
 */
function indefiniteArticle(word: string): 'a' | 'an' {
  if (/^[A-Z]{2,}/.test(word)) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a';
  const w = word.toLowerCase();
  if (/^(?:hour|honest|honou?r|heir)/.test(w)) return 'an';
  if (/^(?:uni(?![nm])|use|usu|uti|eu|ewe|one|once|ubiq)/.test(w)) return 'a';
  return /^[aeiou]/.test(w) ? 'an' : 'a';
}

/** Inserts the section under the heading that encloses the finding, unless that section already has one. */
function scaffoldFix(setId: string, analysis: Analysis, section: Section, language: MessageLanguage, eol: string): Fix | null {
  const set = analysis.set(setId);
  const existing = analysis.dedicatedSections(setId);
  if ([...existing.filled, ...existing.unfilled].some((s) => s.start >= section.start && s.start < section.end)) return null;
  const text = analysis.doc.text;
  const offset = Math.min(section.ownContentEnd, section.end);
  const level = section.depth === 0 ? 2 : Math.min(section.depth + 1, 6);
  const heading = localize(set.scaffold.heading, language);
  const prompt = localize(set.scaffold.prompt, language);
  const placeholder = language === 'en' ? `[To fill in: ${prompt}]` : `【${language === 'zh-TW' ? '待填寫' : '待填写'}：${prompt}】`;
  let prefix = '';
  if (offset > 0 && text[offset - 1] !== '\n') prefix = eol + eol;
  else if (offset > 0 && !followsBlankLine(text, offset) && /\S/.test(text.slice(0, offset))) prefix = eol;
  const suffix = offset === text.length ? eol : eol + eol;
  return {
    title: format(localize(sharedMessages.scaffoldTitle, language), { heading }),
    kind: 'scaffold',
    edits: [{ offset, length: 0, text: `${prefix}${'#'.repeat(level)} ${heading}${eol}${eol}${placeholder}${suffix}` }],
  };
}

/**
 * Whether the line ending at `offset` is blank. Scanned back by hand: a search from the end of
 * the text before each scaffold made a long document quadratic.
 */
function followsBlankLine(text: string, offset: number): boolean {
  let k = offset - 2;
  if (text[k] === '\r') k--;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  return k >= 0 && text[k] === '\n';
}

const DIRECTIVE_MESSAGES: Record<DirectiveProblem['kind'], Localized> = {
  'no-reason': sharedMessages.directiveNoReason,
  'unknown-rule': sharedMessages.directiveUnknownRule,
  'unknown-kind': sharedMessages.directiveUnknownKind,
};

function directiveFinding(p: DirectiveProblem, known: string[], severity: RuleSettings['severity'], language: MessageLanguage, text: string, starts: number[]): Finding {
  const message = format(localize(DIRECTIVE_MESSAGES[p.kind], language), { rule: p.name, kind: p.name, known: known.join(', '), directive: p.directive ?? 'disable-next-line' });
  return plainFinding(INVALID_DIRECTIVE.id, severity, message, p.start, p.end, text, starts);
}

function plainFinding(ruleId: string, severity: RuleSettings['severity'], message: string, start: number, end: number, text: string, starts: number[]): Finding {
  return {
    ruleId,
    severity: severity === 'off' ? 'hint' : severity,
    message,
    range: { start, end },
    start: positionAt(starts, start),
    end: positionAt(starts, end),
    text: text.slice(start, end),
    safeguard: '',
    fixes: [],
  };
}
