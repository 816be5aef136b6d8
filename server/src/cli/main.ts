import { parseArgs } from 'node:util';
import { basename, dirname, join, relative, resolve } from 'node:path';
import packageJson from '../../../package.json';
import { lint } from '../engine/lint.js';
import { applyFixes } from '../engine/fixes.js';
import type { ResolvedConfig } from '../engine/config.js';
import type { LintResult, MessageLanguage, Severity } from '../engine/types.js';
import { ConfigLoader, type ConfigError } from '../config/loader.js';
import { selectFiles, isIgnoredByConfig } from './files.js';
import type { CliEnvironment, CliFileSystem } from './io.js';
import type { FileReport } from './report.js';
import { formatJson } from './formats/json.js';
import { formatStylish } from './formats/stylish.js';
import { formatGithub } from './formats/github.js';
import { formatSarif } from './formats/sarif.js';
import { formatMarkdown } from './formats/markdown.js';

export const VERSION: string = packageJson.version;

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'markdown'] as const;
type Format = (typeof FORMATS)[number];
const MESSAGE_LANGUAGES = ['auto', 'en', 'zh-CN', 'zh-TW'] as const;

/** Exit codes, as markdownlint-cli2 and textlint use them. */
export const EXIT = { clean: 0, findings: 1, failure: 2 } as const;

/** Passes of --fix: a fix can uncover another, as ESLint also finds. */
const FIX_PASSES = 10;

export const HELP = `Usage: needfirst [options] [paths, folders or globs...]

Checks Markdown requirement documents for technical judgments made without the
real need behind them or an offline alternative. With no paths, lints the
Markdown files under the current folder (skipping node_modules and what
.gitignore ignores).

Options:
  --format <name>        stylish (default), json, sarif, github, markdown
  --fix                  apply the fixes that resolve findings by themselves, in place
  --fix-dry-run          compute those fixes and report what would remain; write nothing
  --config <file>        use this configuration file instead of looking upward
  --messages <lang>      auto (default: the document's language), en, zh-CN, zh-TW
  --max-warnings <n>     exit 1 when there are more than n warnings
  --quiet                report errors only
  --stdin                lint standard input; with --fix, print the fixed text
  --stdin-filename <f>   the name standard input stands for (finds its configuration)
  --no-error-on-unmatched-pattern
                         a path or glob that matches nothing is not an error
  --no-color             plain output
  --version              print the version
  --help                 print this help

Exit codes:
  0  no finding at error severity and no more warnings than --max-warnings allows
  1  findings at error severity, or more warnings than --max-warnings allows
  2  needfirst could not do its job: bad arguments, bad configuration,
     an unreadable file or a pattern that matched nothing
`;

interface Options {
  format: Format;
  fix: boolean;
  fixDryRun: boolean;
  config: string | undefined;
  messages: (typeof MESSAGE_LANGUAGES)[number];
  maxWarnings: number;
  quiet: boolean;
  stdin: boolean;
  stdinFilename: string | undefined;
  errorOnUnmatched: boolean;
  color: boolean;
  patterns: string[];
}

class UsageError extends Error {}

function parseOptions(argv: string[], colorDefault: boolean): Options | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        messages: { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        'no-error-on-unmatched-pattern': { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '.')} Run needfirst --help for the options.`);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (v.version) return 'version';
  const format = (v.format ?? 'stylish') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${v.format}". Use one of: ${FORMATS.join(', ')}.`);
  const messages = (v.messages ?? 'auto') as Options['messages'];
  if (!MESSAGE_LANGUAGES.includes(messages)) throw new UsageError(`Unknown message language "${v.messages}". Use one of: ${MESSAGE_LANGUAGES.join(', ')}.`);
  let maxWarnings = -1;
  if (v['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(v['max-warnings'])) throw new UsageError(`--max-warnings takes a whole number of 0 or more, not "${v['max-warnings']}".`);
    maxWarnings = Number(v['max-warnings']);
  }
  if (v['stdin-filename'] !== undefined && !v.stdin) throw new UsageError('--stdin-filename goes with --stdin.');
  if (v.stdin && parsed.positionals.length > 0) throw new UsageError('--stdin lints standard input: do not also name files.');
  if (v.fix && v['fix-dry-run']) throw new UsageError('Use either --fix or --fix-dry-run, not both.');
  return {
    format,
    fix: v.fix ?? false,
    fixDryRun: v['fix-dry-run'] ?? false,
    config: v.config,
    messages,
    maxWarnings,
    quiet: v.quiet ?? false,
    stdin: v.stdin ?? false,
    stdinFilename: v['stdin-filename'],
    errorOnUnmatched: !(v['no-error-on-unmatched-pattern'] ?? false),
    color: v['no-color'] ? false : (v.color ?? colorDefault),
    patterns: parsed.positionals,
  };
}

/** Decoded text of a file, or why it cannot be linted. */
type Decoded = { text: string; bom: string } | { skip: string };

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), bom: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), bom: 'utf-16be' };
  if (bytes.includes(0)) return { skip: 'it looks binary (it contains NUL bytes), so it was skipped' };
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes), bom: hasBom ? 'utf-8' : '' };
  } catch {
    return { skip: 'it is not valid UTF-8, so it was skipped; save it as UTF-8' };
  }
}

export function encode(text: string, bom: string): Uint8Array {
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    const out = new Uint8Array(2 + text.length * 2);
    const le = bom === 'utf-16le';
    out[0] = le ? 0xff : 0xfe;
    out[1] = le ? 0xfe : 0xff;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 + i * 2] = le ? c & 0xff : c >> 8;
      out[3 + i * 2] = le ? c >> 8 : c & 0xff;
    }
    return out;
  }
  const body = new TextEncoder().encode(text);
  if (bom !== 'utf-8') return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** Lints and applies `fix` fixes until none is left, up to FIX_PASSES times. */
export function lintAndFix(text: string, config: ResolvedConfig): { output: string; result: LintResult; fixed: number } {
  let output = text;
  let fixed = 0;
  let result = lint(output, { config });
  for (let pass = 0; pass < FIX_PASSES; pass++) {
    const fixes = result.findings.flatMap((f) => f.fixes.filter((x) => x.kind === 'fix'));
    if (fixes.length === 0) break;
    const applied = applyFixes(output, fixes);
    if (applied.output === output) break;
    output = applied.output;
    fixed += applied.applied;
    result = lint(output, { config });
  }
  return { output, result, fixed };
}

async function writeAtomically(fs: CliFileSystem, path: string, data: Uint8Array): Promise<void> {
  const stat = await fs.stat(path);
  const temp = join(dirname(path), `.${basename(path)}.needfirst-${process.pid}-${Date.now()}.tmp`);
  try {
    await fs.writeFile(temp, data);
    await fs.chmod(temp, stat.mode & 0o7777);
    await fs.rename(temp, path);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

function configErrorText(e: ConfigError, cwd: string): string {
  return `${relative(cwd, e.file) || e.file}:${e.line}:${e.column}: ${e.message}`;
}

/** The CLI. Returns the exit code; writes only through the streams and file system it is given. */
export async function main(env: CliEnvironment): Promise<number> {
  const { cwd, fs, stdout, stderr } = env;
  let options: Options | 'help' | 'version';
  try {
    const noColor = env.env?.NO_COLOR !== undefined && env.env.NO_COLOR !== '';
    const forceColor = env.env?.FORCE_COLOR !== undefined && env.env.FORCE_COLOR !== '0';
    options = parseOptions(env.argv, forceColor || (!noColor && stdout.isTTY === true));
  } catch (error) {
    if (error instanceof UsageError) {
      stderr.write(`needfirst: ${error.message}\n`);
      return EXIT.failure;
    }
    throw error;
  }
  if (options === 'help') {
    stdout.write(HELP);
    return EXIT.clean;
  }
  if (options === 'version') {
    stdout.write(`${VERSION}\n`);
    return EXIT.clean;
  }
  const opts = options;
  const loader = new ConfigLoader({
    readText: async (path) => {
      try {
        const stat = await fs.stat(path);
        if (!stat.isFile()) return null;
        return new TextDecoder().decode(await fs.readFile(path));
      } catch {
        return null;
      }
    },
  });
  const explicitConfig = opts.config ? resolve(cwd, opts.config) : undefined;
  let failed = false;
  const reportedConfigErrors = new Set<string>();
  const configFor = async (path: string): Promise<ResolvedConfig | null> => {
    const loaded = await loader.forDocument(path, explicitConfig);
    if (loaded.errors.length > 0) {
      for (const e of loaded.errors) {
        const line = configErrorText(e, cwd);
        if (!reportedConfigErrors.has(line)) stderr.write(`needfirst: ${line}\n`);
        reportedConfigErrors.add(line);
      }
      failed = true;
      return null;
    }
    const config = loaded.config;
    return opts.messages === 'auto' ? config : { ...config, messages: opts.messages as MessageLanguage };
  };

  const reports: FileReport[] = [];
  if (opts.stdin) {
    const text = env.readStdin ? await env.readStdin() : '';
    const name = opts.stdinFilename ? resolve(cwd, opts.stdinFilename) : join(cwd, '<stdin>');
    const config = await configFor(name);
    if (!config) return EXIT.failure;
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const { output, result, fixed } = opts.fix || opts.fixDryRun ? lintAndFix(body, config) : { output: body, result: lint(body, { config }), fixed: 0 };
    reports.push({ path: name, displayPath: opts.stdinFilename ?? '<stdin>', language: result.language, result: filterQuiet(result, opts.quiet), fixed });
    if (opts.fix) {
      stdout.write(output);
      stderr.write(render(reports, opts));
      return exitCode(reports, opts, failed);
    }
  } else {
    const selection = await selectFiles(fs, cwd, opts.patterns);
    for (const u of selection.unreadable) {
      stderr.write(`needfirst: cannot read ${relative(cwd, u.path) || u.path}: ${u.reason}\n`);
      failed = true;
    }
    if (opts.errorOnUnmatched) {
      for (const pattern of selection.unmatched) {
        stderr.write(`needfirst: no Markdown files matched "${pattern}". Check the path, or pass --no-error-on-unmatched-pattern.\n`);
        failed = true;
      }
    }
    for (const path of selection.files) {
      const display = relative(cwd, path) || path;
      const config = await configFor(path);
      if (!config) continue;
      if (isIgnoredByConfig(path, config.ignores)) continue;
      let bytes: Uint8Array;
      try {
        bytes = await fs.readFile(path);
      } catch (error) {
        stderr.write(`needfirst: cannot read ${display}: ${(error as Error).message}\n`);
        failed = true;
        continue;
      }
      const decoded = decode(bytes);
      if ('skip' in decoded) {
        stderr.write(`needfirst: ${display}: ${decoded.skip}.\n`);
        failed = true;
        continue;
      }
      try {
        const fixing = opts.fix || opts.fixDryRun;
        const { output, result, fixed } = fixing ? lintAndFix(decoded.text, config) : { output: decoded.text, result: lint(decoded.text, { config }), fixed: 0 };
        if (opts.fix && output !== decoded.text) await writeAtomically(fs, path, encode(output, decoded.bom));
        for (const failure of result.ruleFailures) stderr.write(`needfirst: ${display}: rule ${failure.ruleId} failed: ${failure.error}\n`);
        reports.push({ path, displayPath: display, language: result.language, result: filterQuiet(result, opts.quiet), fixed });
      } catch (error) {
        stderr.write(`needfirst: ${display}: ${(error as Error).message}\n`);
        failed = true;
      }
    }
  }
  stdout.write(render(reports, opts));
  if (opts.fixDryRun) {
    for (const r of reports) if (r.fixed > 0) stderr.write(`needfirst: ${r.displayPath}: ${r.fixed} fix${r.fixed === 1 ? '' : 'es'} would be applied by --fix.\n`);
  }
  return exitCode(reports, opts, failed);
}

function filterQuiet(result: LintResult, quiet: boolean): LintResult {
  return quiet ? { ...result, findings: result.findings.filter((f) => f.severity === 'error') } : result;
}

function render(reports: FileReport[], opts: Options): string {
  const override = opts.messages === 'auto' ? null : (opts.messages as MessageLanguage);
  switch (opts.format) {
    case 'json':
      return formatJson(reports);
    case 'sarif':
      return formatSarif(reports, VERSION);
    case 'github':
      return formatGithub(reports);
    case 'markdown':
      return formatMarkdown(reports, override);
    case 'stylish':
      return formatStylish(reports, { color: opts.color });
  }
}

function exitCode(reports: FileReport[], opts: Options, failed: boolean): number {
  if (failed) return EXIT.failure;
  const count = (s: Severity): number => reports.reduce((n, r) => n + r.result.findings.filter((f) => f.severity === s).length, 0);
  if (count('error') > 0) return EXIT.findings;
  if (opts.maxWarnings >= 0 && count('warning') > opts.maxWarnings) return EXIT.findings;
  return EXIT.clean;
}
