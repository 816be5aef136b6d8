import type { RuleContext } from '../context.js';

/** The common shape of a rule: report every trigger that no safeguard answers in scope. */
export function reportUnanswered(context: RuleContext): void {
  for (const hit of context.triggers()) {
    const answer = context.answer(hit);
    if (!answer.answered) context.report(hit, answer);
  }
}
