import { it } from 'vitest';
import { lint } from '../server/src/engine/lint.js';
import { applyFixes } from '../server/src/engine/fixes.js';
it('dbg', () => {
  const text = '# 标题\n\n## 平台\n\n平台界面炫酷。\n';
  const r = lint(text);
  const s = r.findings[0]!.fixes.find((f) => f.kind === 'scaffold')!;
  const out = applyFixes(text, [s]).output;
  console.log(JSON.stringify(out));
  console.log(lint(out).findings.map((f) => [f.ruleId, f.range, f.message, f.scaffoldUnfilled]));
});
