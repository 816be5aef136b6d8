import { parseArgs } from 'node:util';
import { join, relative, resolve } from 'node:path';
import packageJson from '../../../package.json';
import { lint } from '../engine/lint.js';
import { applyFixes } from '../engine/fixes.js';
import type { ResolvedConfig } from '../engine/config.js';
import type { LintResult, MessageLanguage, Severity } from '../engine/types.js';
import { ConfigLoader, type ConfigError } from '../config/loader.js';
import { selectFiles, isIgnoredByConfig } from './files.js';
import type { CliEnvironment, Writable } from './io.js';
import { decodeFile, encodingName, formatSize, parseSize } from './encoding.js';
import { WriteError, describeFsError, writeFixed } from './write.js';
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

/** Larger files are skipped unless --max-file-size allows them: the lint holds a file several times over in memory. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 ** 2;

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
  --encoding <name>      the files' encoding (utf-8, utf-16le, utf-16be, gb18030,
                         gbk, big5, ...); by default detected, and kept by --fix
  --max-file-size <size> skip larger files (default 10MB; for example 50MB)
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
     a file it could not read, decode or write, a file over the size limit,
     a rule that failed, or a pattern that matched nothing
`;

interface Options {
  format: Format;
  fix: boolean;
  fixDryRun: boolean;
  config: string | undefined;
  encoding: string | undefined;
  maxFileSize: number;
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
        encoding: { type: 'string' },
        'max-file-size': { type: 'string' },
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
  let encoding: string | undefined;
  if (v.encoding !== undefined) {
    encoding = encodingName(v.encoding) ?? undefined;
    if (!encoding) throw new UsageError(`Unknown encoding "${v.encoding}". Use utf-8, utf-16le, utf-16be, gb18030, gbk, big5 or another encoding iconv-lite knows.`);
    if (v.stdin) throw new UsageError('--encoding applies to files; standard input is read as UTF-8.');
  }
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (v['max-file-size'] !== undefined) {
    const size = parseSize(v['max-file-size']);
    if (size === null || size <= 0) throw new UsageError(`--max-file-size takes a size such as 20MB or 500KB, not "${v['max-file-size']}".`);
    maxFileSize = size;
  }
  if (v['stdin-filename'] !== undefined && !v.stdin) throw new UsageError('--stdin-filename goes with --stdin.');
  if (v.stdin && parsed.positionals.length > 0) throw new UsageError('--stdin lints standard input: do not also name files.');
  if (v.fix && v['fix-dry-run']) throw new UsageError('Use either --fix or --fix-dry-run, not both.');
  return {
    format,
    fix: v.fix ?? false,
    fixDryRun: v['fix-dry-run'] ?? false,
    config: v.config,
    encoding,
    maxFileSize,
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
  // A configuration file that exists but cannot be read is a failure, never silently skipped.
  const unreadableConfigs = new Map<string, unknown>();
  const loader = new ConfigLoader({
    readText: async (path) => {
      let stat;
      try {
        stat = await fs.stat(path);
      } catch {
        return null;
      }
      if (!stat.isFile()) return null;
      try {
        return new TextDecoder().decode(await fs.readFile(path));
      } catch (error) {
        unreadableConfigs.set(path, error);
        return null;
      }
    },
  });
  const explicitConfig = opts.config ? resolve(cwd, opts.config) : undefined;
  let failed = false;
  const reportedConfigErrors = new Set<string>();
  const configFor = async (path: string): Promise<ResolvedConfig | null> => {
    const loaded = await loader.forDocument(path, explicitConfig);
    if (unreadableConfigs.size > 0) {
      for (const [file, error] of unreadableConfigs) {
        const line = `cannot read the configuration file ${relative(cwd, file) || file}: ${describeFsError(error)}.`;
        if (!reportedConfigErrors.has(line)) stderr.write(`needfirst: ${line}\n`);
        reportedConfigErrors.add(line);
      }
      failed = true;
      return null;
    }
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
    let linted;
    try {
      linted = opts.fix || opts.fixDryRun ? lintAndFix(body, config) : { output: body, result: lint(body, { config }), fixed: 0 };
    } catch (error) {
      stderr.write(`needfirst: ${opts.stdinFilename ?? '<stdin>'}: ${crashText(error)}\n`);
      return EXIT.failure;
    }
    const { output, result, fixed } = linted;
    if (reportRuleFailures(stderr, result, opts.stdinFilename ?? '<stdin>')) failed = true;
    reports.push({ path: name, displayPath: opts.stdinFilename ?? '<stdin>', language: result.language, result: filterQuiet(result, opts.quiet), fixed });
    if (opts.fix) {
      stdout.write(output);
      stderr.write(render(reports, opts));
      return exitCode(reports, opts, failed);
    }
  } else {
    const selection = await selectFiles(fs, cwd, opts.patterns);
    for (const u of selection.unreadable) {
      stderr.write(`needfirst: cannot read the folder ${relative(cwd, u.path) || u.path}: ${describeFsError(u.error)}.\n`);
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
        // The size is checked before reading, so a huge file is never loaded.
        const { size } = await fs.stat(path);
        if (size > opts.maxFileSize) {
          const suggestion = Math.ceil(size / 1024 ** 2);
          stderr.write(`needfirst: ${display}: it is ${formatSize(size)}, over the ${formatSize(opts.maxFileSize)} limit, so it was skipped; pass --max-file-size ${suggestion}MB to lint it.\n`);
          failed = true;
          continue;
        }
        bytes = await fs.readFile(path);
      } catch (error) {
        stderr.write(`needfirst: cannot read ${display}: ${describeFsError(error)}.\n`);
        failed = true;
        continue;
      }
      const decoded = decodeFile(bytes, opts.encoding);
      if ('skip' in decoded) {
        stderr.write(`needfirst: ${display}: ${decoded.skip}.\n`);
        failed = true;
        continue;
      }
      let linted;
      try {
        linted = opts.fix || opts.fixDryRun ? lintAndFix(decoded.text, config) : { output: decoded.text, result: lint(decoded.text, { config }), fixed: 0 };
      } catch (error) {
        stderr.write(`needfirst: ${display}: ${crashText(error)}\n`);
        failed = true;
        continue;
      }
      let { result, fixed } = linted;
      if (opts.fix && linted.output !== decoded.text) {
        try {
          await writeFixed(fs, path, bytes, { ...decoded, text: linted.output });
        } catch (error) {
          const reason = error instanceof WriteError ? error.message : describeFsError(error);
          stderr.write(`needfirst: cannot write the fixes to ${display}: ${reason}. The file was left as it was.\n`);
          failed = true;
          // The report then describes the file as it still is.
          result = lint(decoded.text, { config });
          fixed = 0;
        }
      }
      if (reportRuleFailures(stderr, result, display)) failed = true;
      reports.push({ path, displayPath: display, language: result.language, result: filterQuiet(result, opts.quiet), fixed });
    }
  }
  stdout.write(render(reports, opts));
  if (opts.fixDryRun) {
    for (const r of reports) if (r.fixed > 0) stderr.write(`needfirst: ${r.displayPath}: ${r.fixed} fix${r.fixed === 1 ? '' : 'es'} would be applied by --fix.\n`);
  }
  return exitCode(reports, opts, failed);
}

/** A crash of the engine on one document, as a sentence. */
function crashText(error: unknown): string {
  return `needfirst failed on this document (${error instanceof Error ? error.message : String(error)}); nothing was written. Please report this with the document.`;
}

/** Says which rules failed on a document; true when any did. */
function reportRuleFailures(stderr: Writable, result: LintResult, display: string): boolean {
  for (const failure of result.ruleFailures) {
    stderr.write(`needfirst: ${display}: rule ${failure.ruleId} failed (${failure.error}); the other rules still ran. Please report this with the document.\n`);
  }
  return result.ruleFailures.length > 0;
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
