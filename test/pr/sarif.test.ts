import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, project } from '../helpers.js';
import { RULES } from '../../server/src/engine/rules/index.js';
import { EN, TW, ZH, ZH_SUPPRESSED } from './docs.js';

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
  partialFingerprints: Record<string, string>;
  suppressions?: Array<{ kind: string; justification: string }>;
}

async function sarifOf(files: Record<string, string>, args: string[] = ['.']): Promise<{ text: string; results: SarifResult[]; log: any }> {
  const dir = project(files);
  const run = await cli(dir, ['--format', 'sarif', ...args]);
  const log = JSON.parse(run.stdout);
  return { text: run.stdout, results: log.runs[0].results, log };
}

/** The multitool's binary, from its npm package (the platform package is an optional dependency). */
const multitool: string = createRequire(__filename)('@microsoft/sarif-multitool');

describe('--format sarif', () => {
  it('passes the SARIF multitool with its SARIF and GitHub rules, without errors or warnings', async () => {
    const { text } = await sarifOf({ 'docs/zh.md': ZH_SUPPRESSED, 'docs/en.md': EN, 'docs/tw 計畫,1.md': TW });
    const dir = mkdtempSync(join(tmpdir(), 'needfirst-sarif-'));
    writeFileSync(join(dir, 'needfirst.sarif'), text);
    const run = spawnSync(multitool, ['validate', '--rule-kind', 'Sarif;Gh', '--output', join(dir, 'validation.sarif'), join(dir, 'needfirst.sarif')], { encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
    expect(run.stdout + run.stderr).toContain('Analysis completed successfully');
    const validation = JSON.parse(readFileSync(join(dir, 'validation.sarif'), 'utf8').replace(/^\uFEFF/, ''));
    const problems = validation.runs[0].results.map((r: SarifResult) => `${r.level} ${r.ruleId}: ${r.message.text}`);
    expect(problems).toEqual([]);
  }, 60000);

  it('the multitool does find faults, so a clean pass means something', async () => {
    const { log } = await sarifOf({ 'a.md': ZH });
    delete log.runs[0].tool.driver.rules[0].fullDescription;
    log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'file:///C:/abs.md';
    const dir = mkdtempSync(join(tmpdir(), 'needfirst-sarif-'));
    writeFileSync(join(dir, 'broken.sarif'), JSON.stringify(log));
    spawnSync(multitool, ['validate', '--rule-kind', 'Sarif;Gh', '--output', join(dir, 'v.sarif'), join(dir, 'broken.sarif')], { encoding: 'utf8' });
    const validation = JSON.parse(readFileSync(join(dir, 'v.sarif'), 'utf8').replace(/^\uFEFF/, ''));
    expect(validation.runs[0].results.filter((r: SarifResult) => r.level === 'error').length).toBeGreaterThan(0);
  }, 60000);

  it('describes every rule: ids, descriptions, help link, default level and the judgment', async () => {
    const { log } = await sarifOf({ 'a.md': ZH });
    const driver = log.runs[0].tool.driver;
    expect(driver.version).toBe(JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version);
    const rule = driver.rules.find((r: { id: string }) => r.id === 'digital-only');
    const source = RULES.find((r) => r.id === 'digital-only')!;
    expect(rule).toMatchObject({
      shortDescription: { text: source.description.en },
      helpUri: 'https://github.com/needfirst/needfirst/blob/main/docs/rules/digital-only.md',
      defaultConfiguration: { level: 'warning' },
    });
    expect(rule.fullDescription.text.length).toBeGreaterThan(rule.shortDescription.text.length);
    expect(rule.properties.judgment).toContain(source.judgment.text.zh);
    expect(driver.rules.find((r: { id: string }) => r.id === 'no-fallback').defaultConfiguration.level).toBe('note');
    expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
  });

  it('gives exact regions with UTF-16 columns', async () => {
    const { results } = await sarifOf({ 'a.md': `# 方案\n\n## 平台\n\n𠀋𠀋平台采用最先进的技术。\n` });
    // Each 𠀋 is two UTF-16 code units, so 最先进 starts at column 1 + 4 + 4.
    expect(results[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 5, startColumn: 9, endLine: 5, endColumn: 12, snippet: { text: '最先进' } });
  });

  it('reports a directive-silenced finding as an in-source suppression with the reason', async () => {
    const { results } = await sarifOf({ 'a.md': ZH_SUPPRESSED });
    const suppressed = results.filter((r) => r.suppressions);
    expect(suppressed.map((r) => [r.ruleId, r.suppressions])).toEqual([['concept-race', [{ kind: 'inSource', status: 'accepted', justification: '试点验收后再改' }]]]);
    expect(results.filter((r) => !r.suppressions).map((r) => r.ruleId)).toEqual(['superlative-tech', 'digital-only']);
  });

  it('keeps partial fingerprints when lines are inserted above a finding', async () => {
    const before = (await sarifOf({ 'a.md': ZH_SUPPRESSED })).results;
    const shifted = ZH_SUPPRESSED.replace('## 平台\n', '## 平台\n\n本节说明平台建设。\n\n另有一段说明。\n');
    const after = (await sarifOf({ 'a.md': shifted })).results;
    expect(after.map((r) => r.locations[0]!.physicalLocation.region.startLine)).not.toEqual(before.map((r) => r.locations[0]!.physicalLocation.region.startLine));
    expect(after.map((r) => r.partialFingerprints)).toEqual(before.map((r) => r.partialFingerprints));
    expect(before.every((r) => /^[0-9a-f]{32}$/.test(r.partialFingerprints['needfirst/v1']!))).toBe(true);
  });

  it('tells apart two equal findings in one section, and the same finding in another section', async () => {
    const doc = '# 方案\n\n## 平台\n\n平台采用最先进的技术。\n\n系统采用最先进的技术。\n\n## 其他\n\n门户采用最先进的技术。\n';
    const prints = (await sarifOf({ 'a.md': doc })).results.filter((r) => r.ruleId === 'superlative-tech').map((r) => r.partialFingerprints['needfirst/v1']);
    expect(prints).toHaveLength(3);
    expect(new Set(prints).size).toBe(3);
  });
});
