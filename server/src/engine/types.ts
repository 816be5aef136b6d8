/** The public data model of the engine. Everything here is plain data, so adapters can serialise it. */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';
export type DocumentLanguage = 'zh-Hans' | 'zh-Hant' | 'en' | 'mixed';
export type MessageLanguage = 'en' | 'zh-CN' | 'zh-TW';
export type Scope = 'sentence' | 'paragraph' | 'section' | 'document';

/** One text edit in UTF-16 code units of the original document. */
export interface Edit {
  offset: number;
  length: number;
  text: string;
}

export interface Fix {
  title: string;
  /** `fix` resolves the finding by itself; `scaffold` inserts a section for the author to fill in. */
  kind: 'fix' | 'scaffold';
  edits: Edit[];
}

export interface Range {
  /** Start offset, UTF-16 code units, inclusive. */
  start: number;
  /** End offset, UTF-16 code units, exclusive. */
  end: number;
}

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column in UTF-16 code units. */
  column: number;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  start: Position;
  end: Position;
  /** The source text of the range. */
  text: string;
  /** What answer was looked for, and where. */
  safeguard: string;
  /** The section in which the safeguard was sought, for related information. */
  scopeRange?: Range;
  scopeTitle?: string;
  /** True when a scaffold for this finding exists in the document but is still unfilled. */
  scaffoldUnfilled?: boolean;
  fixes: Fix[];
}

export interface Suppression {
  ruleId: string;
  line: number;
  reason: string;
  /** The finding that was silenced. */
  finding: Finding;
}

export type ChecklistId =
  | 'people-centred'
  | 'real-need'
  | 'fit-for-purpose'
  | 'humane-scale'
  | 'user-choice'
  | 'proportionate-cost'
  | 'front-line-benefit'
  | 'shared-benefit'
  | 'lasting-legacy'
  | 'diverse-participation';

export interface ChecklistItem {
  id: ChecklistId;
  addressed: boolean;
  /** 1-based line of the first place that addresses it, or null. */
  line: number | null;
  /** The phrase that addressed it. */
  evidence: string | null;
  title: string;
  /** What to add when missing. */
  hint: string;
}

export interface RuleFailure {
  ruleId: string;
  error: string;
}

export interface LintResult {
  language: DocumentLanguage;
  messageLanguage: MessageLanguage;
  findings: Finding[];
  suppressed: Suppression[];
  checklist: ChecklistItem[];
  /** Rules that threw; the other rules still ran. */
  ruleFailures: RuleFailure[];
}
