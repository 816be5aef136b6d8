/** The one place rule documentation links are made. */
export const DOCS_BASE = 'https://github.com/needfirst/needfirst/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
