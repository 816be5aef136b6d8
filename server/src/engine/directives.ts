import type { HtmlComment } from './markdown.js';
import { positionAt } from './positions.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty means every rule. */
  rules: string[];
  reason: string | null;
  start: number;
  end: number;
  /** 1-based line of the comment's start. */
  line: number;
  /** 1-based line of the comment's end. */
  endLine: number;
}

export interface DirectiveProblem {
  kind: 'no-reason' | 'unknown-rule' | 'unknown-kind';
  start: number;
  end: number;
  /** The rule or directive name at fault. */
  name: string;
  /** The directive as written, such as "disable-line", so a hint can show the same kind. */
  directive?: DirectiveKind;
}

const DIRECTIVE = /^\s*needfirst-([a-z-]+)(.*)$/s;
const KINDS: DirectiveKind[] = ['disable', 'enable', 'disable-line', 'disable-next-line'];

export function parseDirectives(text: string, comments: HtmlComment[], knownRules: Set<string>, starts: number[]): { directives: Directive[]; problems: DirectiveProblem[] } {
  const directives: Directive[] = [];
  const problems: DirectiveProblem[] = [];
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.body);
    if (!m) continue;
    const kind = m[1] as DirectiveKind;
    if (!KINDS.includes(kind)) {
      problems.push({ kind: 'unknown-kind', start: comment.start, end: comment.end, name: `needfirst-${m[1]}` });
      continue;
    }
    const rest = m[2] ?? '';
    // The reason follows " -- "; a Chinese dash (——) or a colon after the rules, as Chinese
    // authors often write, is read the same way, since no rule id contains either.
    let sep = rest.search(/(^|\s)--(\s|$)/);
    if (sep === -1) sep = rest.search(/\s*(?:——|—|－－|[:：])/);
    const ruleText = sep === -1 ? rest : rest.slice(0, sep);
    const reasonText = sep === -1 ? '' : rest.slice(sep).replace(/^\s*(?:--|——|—|－－|[:：])/, '').trim();
    const rules = ruleText.split(/[\s,]+/).filter(Boolean);
    const known = rules.filter((r) => knownRules.has(r));
    for (const r of rules) if (!knownRules.has(r)) problems.push({ kind: 'unknown-rule', start: comment.start, end: comment.end, name: r });
    // A directive that names only unknown rules silences nothing rather than everything.
    if (rules.length > 0 && known.length === 0) continue;
    const reason = reasonText === '' ? null : reasonText;
    if (kind !== 'enable' && reason === null) problems.push({ kind: 'no-reason', start: comment.start, end: comment.end, name: known[0] ?? 'rule-id', directive: kind });
    directives.push({
      kind,
      rules: known,
      reason,
      start: comment.start,
      end: comment.end,
      line: positionAt(starts, comment.start).line,
      endLine: positionAt(starts, comment.end).line,
    });
  }
  return { directives, problems };
}

/** Returns the directive that silences a finding of `ruleId` starting at `offset` on `line`, if any. */
export function suppressor(directives: Directive[], ruleId: string, offset: number, line: number): Directive | null {
  const names = (d: Directive): boolean => d.rules.length === 0 || d.rules.includes(ruleId);
  let open: Directive | null = null;
  for (const d of directives) {
    if (d.start > offset) break;
    if (d.kind === 'disable' && names(d)) open = d;
    else if (d.kind === 'enable' && open && (d.rules.length === 0 || d.rules.includes(ruleId))) open = null;
  }
  if (open) return open;
  for (const d of directives) {
    if (!names(d)) continue;
    if (d.kind === 'disable-line' && line >= d.line && line <= d.endLine) return d;
    if (d.kind === 'disable-next-line' && line === d.endLine + 1) return d;
  }
  return null;
}
