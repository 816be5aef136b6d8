import { parseArgs } from 'node:util';
import { isAbsolute, join, relative, resolve, sep, posix } from 'node:path';
import packageJson from '../../../package.json';
import { lint } from '../engine/lint.js';
import type { ResolvedConfig } from '../engine/config.js';
import type { LintResult, MessageLanguage, Severity } from '../engine/types.js';
import { ConfigLoader, type ConfigError, type LoadedConfig } from '../config/loader.js';
import { selectFiles, isIgnoredByConfig } from './files.js';
import type { CliEnvironment, LintPool, Writable } from './io.js';
import { decodeFile, encodeFile, encodesExactly, encodingName, formatSize, parseSize } from './encoding.js';
import { WriteError, describeFsError, writeFixed } from './write.js';
import type { FileReport, RunSummary } from './report.js';
import { runTask, type LintOutcome, type LintTask } from './lintTask.js';
import { fingerprints } from './fingerprint.js';
import { applyBaseline, makeBaseline, parseBaseline } from './baseline.js';
import { LintCache } from './cache.js';
import { parseShard, selectShard, type Shard } from './shard.js';
import { Progress } from './progress.js';
import { formatJson } from './formats/json.js';
import { formatStylish } from './formats/stylish.js';
import { formatGithub } from './formats/github.js';
import { formatSarif } from './formats/sarif.js';
import { formatMarkdown } from './formats/markdown.js';

export { lintAndFix } from './lintTask.js';

export const VERSION: string = packageJson.version;

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'markdown'] as const;
type Format = (typeof FORMATS)[number];
const MESSAGE_LANGUAGES = ['auto', 'en', 'zh-CN', 'zh-TW'] as const;

/** Exit codes, as markdownlint-cli2 and textlint use them. */
export const EXIT = { clean: 0, findings: 1, failure: 2 } as const;

/** Larger files are skipped unless --max-file-size allows them: the lint holds a file several times over in memory. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 ** 2;

/** Files are read, linted and reported in batches, so memory stays bounded on a large repository. */
const BATCH = 64;
/** With --concurrency auto, a batch needs this many files to lint before worker threads pay off. */
const AUTO_WORKERS_FROM = 16;

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

Pull requests and large repositories:
  --write-baseline <f>   record the current findings in f (by content fingerprint)
  --baseline <f>         report, and fail on, only findings that f does not hold
  --cache                skip files unchanged since the last run
  --cache-location <p>   the cache file, or a folder for it (default .needfirstcache)
  --shard <i/n>          lint only the i-th of n slices of the files (for a CI matrix)
  --concurrency <n>      worker threads: auto (default), or a number; 1 lints on one thread

  --no-color             plain output
  --version              print the version
  --help                 print this help

Exit codes:
  0  no finding at error severity and no more warnings than --max-warnings allows
     (with --baseline: counting only new findings)
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
  writeBaseline: string | undefined;
  baseline: string | undefined;
  cache: boolean;
  cacheLocation: string | undefined;
  shard: Shard | undefined;
  /** Worker threads; 'auto' decides by the number of files and cores. */
  concurrency: number | 'auto';
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
        'write-baseline': { type: 'string' },
        baseline: { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        shard: { type: 'string' },
        concurrency: { type: 'string' },
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
  }
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (v['max-file-size'] !== undefined) {
    const size = parseSize(v['max-file-size']);
    if (size === null || size <= 0) throw new UsageError(`--max-file-size takes a size such as 20MB or 500KB, not "${v['max-file-size']}".`);
    maxFileSize = size;
  }
  let shard: Shard | undefined;
  if (v.shard !== undefined) {
    shard = parseShard(v.shard) ?? undefined;
    if (!shard) throw new UsageError(`--shard takes I/N with 1 <= I <= N, such as 2/4, not "${v.shard}".`);
    if (v.stdin) throw new UsageError('--shard splits files; it does not apply to --stdin.');
  }
  let concurrency: Options['concurrency'] = 'auto';
  if (v.concurrency !== undefined && v.concurrency !== 'auto') {
    if (!/^[1-9]\d*$/.test(v.concurrency)) throw new UsageError(`--concurrency takes auto or a whole number of 1 or more, not "${v.concurrency}".`);
    concurrency = Number(v.concurrency);
  }
  if (v['stdin-filename'] !== undefined && !v.stdin) throw new UsageError('--stdin-filename goes with --stdin.');
  if (v.stdin && parsed.positionals.length > 0) throw new UsageError('--stdin lints standard input: do not also name files.');
  if (v.fix && v['fix-dry-run']) throw new UsageError('Use either --fix or --fix-dry-run, not both.');
  if (v.baseline !== undefined && v['write-baseline'] !== undefined) throw new UsageError('Use either --baseline or --write-baseline, not both.');
  if (v['cache-location'] !== undefined && !v.cache) throw new UsageError('--cache-location goes with --cache.');
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
    writeBaseline: v['write-baseline'],
    baseline: v.baseline,
    cache: v.cache ?? false,
    cacheLocation: v['cache-location'],
    shard,
    concurrency,
    patterns: parsed.positionals,
  };
}

function configErrorText(e: ConfigError, cwd: string): string {
  return `${relative(cwd, e.file) || e.file}:${e.line}:${e.column}: ${e.message}`;
}

const toPosix = (path: string): string => path.split(sep).join(posix.sep);

/** A file read and decoded, with its configuration, waiting to be linted (or found in the cache). */
interface Prepared {
  path: string;
  display: string;
  bytes: Uint8Array;
  decoded: Extract<ReturnType<typeof decodeFile>, { text: string }>;
  config: ResolvedConfig;
  profile: string | undefined;
  cacheKey: string | null;
  cached: { result: LintResult; fixed: number } | null;
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
  const reportOnce = (line: string): void => {
    if (!reportedConfigErrors.has(line)) stderr.write(`needfirst: ${line}\n`);
    reportedConfigErrors.add(line);
    failed = true;
  };
  /** The configuration of a document; with its text, the front-matter profile is applied too. */
  const configFor = async (path: string, text?: string): Promise<{ config: ResolvedConfig; profile: string | undefined } | null> => {
    const loaded: LoadedConfig = await loader.forDocument(path, explicitConfig, text);
    if (unreadableConfigs.size > 0) {
      for (const [file, error] of unreadableConfigs) reportOnce(`cannot read the configuration file ${relative(cwd, file) || file}: ${describeFsError(error)}.`);
      return null;
    }
    const errors = [...loaded.errors, ...(loaded.documentErrors ?? [])];
    if (errors.length > 0) {
      for (const e of errors) reportOnce(configErrorText(e, cwd));
      return null;
    }
    const config = opts.messages === 'auto' ? loaded.config : { ...loaded.config, messages: opts.messages as MessageLanguage };
    return { config, profile: loaded.profile ? `${loaded.profile.preset} (${loaded.profile.because})` : undefined };
  };
  /** Only a document that opens with front matter can choose a profile; others keep their folder's configuration. */
  const hasFrontMatter = (text: string): boolean => /^\ufeff?---[ \t]*\r?\n/.test(text);

  let reports: FileReport[] = [];
  const report = (path: string, display: string, result: LintResult, fixed: number, profile: string | undefined): void => {
    if (reportRuleFailures(stderr, result, display)) failed = true;
    reports.push({ path, displayPath: display, language: result.language, result, fixed, fingerprints: fingerprints(result), profile, baselined: 0 });
  };
  if (opts.stdin) {
    const bytes = env.readStdin ? await env.readStdin() : new Uint8Array();
    const name = opts.stdinFilename ? resolve(cwd, opts.stdinFilename) : join(cwd, '<stdin>');
    // Standard input is decoded as a file is, so that --fix prints it back in the same bytes.
    const decoded = decodeFile(bytes, opts.encoding);
    if ('skip' in decoded) {
      stderr.write(`needfirst: ${opts.stdinFilename ?? '<stdin>'}: ${decoded.skip}.\n`);
      return EXIT.failure;
    }
    const body = decoded.text;
    const found = await configFor(name, body);
    if (!found) return EXIT.failure;
    const outcome = runTask({ text: body, config: found.config, fix: opts.fix || opts.fixDryRun });
    if ('crash' in outcome) {
      stderr.write(`needfirst: ${opts.stdinFilename ?? '<stdin>'}: ${crashText(outcome.crash)}\n`);
      return EXIT.failure;
    }
    report(name, opts.stdinFilename ?? '<stdin>', outcome.result, outcome.fixed, found.profile);
    if (opts.fix) {
      const fixedFile = { ...decoded, text: outcome.output };
      if (decoded.encoding === 'utf-8' || !stdout.writeBytes) stdout.write((decoded.bom ? '\ufeff' : '') + outcome.output);
      else if (encodesExactly(fixedFile)) stdout.writeBytes(encodeFile(fixedFile));
      else {
        stderr.write(`needfirst: ${opts.stdinFilename ?? '<stdin>'}: the fixed text has characters ${decoded.encoding} cannot hold, so nothing was printed.\n`);
        return EXIT.failure;
      }
      const finished = await finish(env, opts, reports, failed);
      stderr.write(finished.text);
      return finished.code;
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
    const displayOf = (path: string): string => relative(cwd, path) || path;
    const files = opts.shard ? selectShard(selection.files, opts.shard, (p) => toPosix(displayOf(p))) : selection.files;
    // --fix writes files, so a cached result could describe a file as it no longer is.
    const cache = opts.cache && !opts.fix ? await LintCache.open(fs, await LintCache.locate(fs, cwd, opts.cacheLocation), VERSION) : null;
    const progress = new Progress(stderr, files.length, env.now ?? Date.now, Progress.wanted(stderr, env.env ?? {}));
    let pool: LintPool | null = null;

    /** Reads, decodes and configures one file; null when it is skipped (and said why). */
    const prepare = async (path: string): Promise<Prepared | null> => {
      const display = displayOf(path);
      const folderConfig = await configFor(path);
      if (!folderConfig) return null;
      if (isIgnoredByConfig(path, folderConfig.config.ignores)) return null;
      let bytes: Uint8Array;
      try {
        // The size is checked before reading, so a huge file is never loaded.
        const { size } = await fs.stat(path);
        if (size > opts.maxFileSize) {
          const suggestion = Math.ceil(size / 1024 ** 2);
          stderr.write(`needfirst: ${display}: it is ${formatSize(size)}, over the ${formatSize(opts.maxFileSize)} limit, so it was skipped; pass --max-file-size ${suggestion}MB to lint it.\n`);
          failed = true;
          return null;
        }
        bytes = await fs.readFile(path);
      } catch (error) {
        stderr.write(`needfirst: cannot read ${display}: ${describeFsError(error)}.\n`);
        failed = true;
        return null;
      }
      const decoded = decodeFile(bytes, opts.encoding);
      if ('skip' in decoded) {
        stderr.write(`needfirst: ${display}: ${decoded.skip}.\n`);
        failed = true;
        return null;
      }
      const found = hasFrontMatter(decoded.text) ? await configFor(path, decoded.text) : folderConfig;
      if (!found) return null;
      const fix = opts.fix || opts.fixDryRun;
      const cacheKey = cache ? cache.key(bytes, found.config, opts.encoding, fix) : null;
      const cached = cache && cacheKey ? cache.get(path, cacheKey) : null;
      return { path, display, bytes, decoded, config: found.config, profile: found.profile, cacheKey, cached };
    };

    /** Writes fixes, reports rule failures, stores the result in the cache and keeps the report. */
    const complete = async (p: Prepared, outcome: LintOutcome): Promise<void> => {
      if ('crash' in outcome) {
        stderr.write(`needfirst: ${p.display}: ${crashText(outcome.crash)}\n`);
        failed = true;
        return;
      }
      let { result, fixed } = outcome;
      if (opts.fix && outcome.output !== p.decoded.text) {
        try {
          await writeFixed(fs, p.path, p.bytes, { ...p.decoded, text: outcome.output });
        } catch (error) {
          const reason = error instanceof WriteError ? error.message : describeFsError(error);
          stderr.write(`needfirst: cannot write the fixes to ${p.display}: ${reason}. The file was left as it was.\n`);
          failed = true;
          // The report then describes the file as it still is.
          result = lint(p.decoded.text, { config: p.config });
          fixed = 0;
        }
      }
      if (cache && p.cacheKey && !p.cached && result.ruleFailures.length === 0) cache.set(p.path, p.cacheKey, result, fixed);
      report(p.path, p.display, result, fixed, p.profile);
    };

    for (let start = 0; start < files.length; start += BATCH) {
      const batch = files.slice(start, start + BATCH);
      const prepared: Prepared[] = [];
      for (const path of batch) {
        const p = await prepare(path);
        if (p) prepared.push(p);
        else progress.tick();
      }
      const misses = prepared.filter((p) => !p.cached).length;
      if (!pool && env.workers) {
        const size = opts.concurrency === 'auto' ? Math.min(env.cpus ?? 1, 8) : opts.concurrency;
        const worthIt = opts.concurrency === 'auto' ? misses >= AUTO_WORKERS_FROM : misses >= 2;
        if (size > 1 && worthIt) pool = env.workers(size);
      }
      const task = (p: Prepared): LintTask => ({ text: p.decoded.text, config: p.config, fix: opts.fix || opts.fixDryRun });
      const outcomes: Array<LintOutcome | Promise<LintOutcome>> = prepared.map((p) =>
        p.cached ? { output: p.decoded.text, ...p.cached } : pool ? pool.run(task(p)) : runTask(task(p)),
      );
      for (const [i, p] of prepared.entries()) {
        await complete(p, await outcomes[i]!);
        progress.tick();
      }
    }
    progress.end();
    await pool?.close();
    if (cache) {
      try {
        await cache.save();
      } catch (error) {
        // The lint itself succeeded; only the next run will be slower.
        stderr.write(`needfirst: cannot write the cache ${shownPath(cwd, cache.file)}: ${describeFsError(error, true)}. The next run will lint every file again.\n`);
      }
    }
  }
  if (opts.fixDryRun) {
    for (const r of reports) if (r.fixed > 0) stderr.write(`needfirst: ${r.displayPath}: ${r.fixed} fix${r.fixed === 1 ? '' : 'es'} would be applied by --fix.\n`);
  }
  const finished = await finish(env, opts, reports, failed);
  stdout.write(finished.text);
  return finished.code;

  /** Baselines, --quiet, the report and the exit code, once every file is linted. */
  async function finish(env: CliEnvironment, opts: Options, all: FileReport[], failedSoFar: boolean): Promise<{ text: string; code: number }> {
    let isFailed = failedSoFar;
    const summary: RunSummary = {};
    reports = all;
    if (opts.writeBaseline) {
      const file = resolve(env.cwd, opts.writeBaseline);
      try {
        await env.fs.writeFile(file, new TextEncoder().encode(makeBaseline(reports, file, VERSION)));
        const count = reports.reduce((n, r) => n + r.result.findings.length, 0);
        env.stderr.write(`needfirst: wrote ${count} finding${count === 1 ? '' : 's'} to the baseline ${opts.writeBaseline}.\n`);
        // Every finding is now known, so the run reports nothing new.
        reports = reports.map((r) => ({ ...r, result: { ...r.result, findings: [] }, baselined: r.result.findings.length }));
      } catch (error) {
        env.stderr.write(`needfirst: cannot write the baseline ${opts.writeBaseline}: ${describeFsError(error, true)}.\n`);
        isFailed = true;
      }
    } else if (opts.baseline) {
      const file = resolve(env.cwd, opts.baseline);
      let text: string | null = null;
      try {
        text = new TextDecoder().decode(await env.fs.readFile(file));
      } catch (error) {
        env.stderr.write(`needfirst: cannot read the baseline ${opts.baseline}: ${describeFsError(error)}. Write one with --write-baseline.\n`);
        isFailed = true;
      }
      const baseline = text === null ? null : parseBaseline(text, opts.baseline);
      if (typeof baseline === 'string') {
        env.stderr.write(`needfirst: ${baseline}\n`);
        isFailed = true;
      } else if (baseline) {
        const applied = applyBaseline(reports, baseline, file);
        reports = applied.reports;
        summary.baseline = { known: applied.known, gone: applied.gone };
        const known = `${applied.known} finding${applied.known === 1 ? ' is' : 's are'} in the baseline and not reported`;
        const gone = applied.gone > 0 ? `; ${applied.gone} baseline entr${applied.gone === 1 ? 'y no longer occurs' : 'ies no longer occur'} (fixed, or the text changed): run --write-baseline again to drop ${applied.gone === 1 ? 'it' : 'them'}` : '';
        env.stderr.write(`needfirst: ${known}${gone}.\n`);
      }
    }
    if (opts.quiet) reports = reports.map((r) => ({ ...r, result: { ...r.result, findings: r.result.findings.filter((f) => f.severity === 'error') } }));
    return { text: render(reports, opts, summary), code: exitCode(reports, opts, isFailed, env.stderr) };
  }
}

/** A crash of the engine on one document, as a sentence. */
function crashText(message: string): string {
  return `needfirst failed on this document (${message}); nothing was written. Please report this with the document.`;
}

/** Says which rules failed on a document; true when any did. */
function reportRuleFailures(stderr: Writable, result: LintResult, display: string): boolean {
  for (const failure of result.ruleFailures) {
    stderr.write(`needfirst: ${display}: rule ${failure.ruleId} failed (${failure.error}); the other rules still ran. Please report this with the document.\n`);
  }
  return result.ruleFailures.length > 0;
}

function render(reports: FileReport[], opts: Options, summary: RunSummary): string {
  const override = opts.messages === 'auto' ? null : (opts.messages as MessageLanguage);
  switch (opts.format) {
    case 'json':
      return formatJson(reports);
    case 'sarif':
      return formatSarif(reports, VERSION, summary);
    case 'github':
      return formatGithub(reports);
    case 'markdown':
      return formatMarkdown(reports, override, summary);
    case 'stylish':
      return formatStylish(reports, { color: opts.color });
  }
}

function exitCode(reports: FileReport[], opts: Options, failed: boolean, stderr: Writable): number {
  if (failed) return EXIT.failure;
  const count = (s: Severity): number => reports.reduce((n, r) => n + r.result.findings.filter((f) => f.severity === s).length, 0);
  if (count('error') > 0) return EXIT.findings;
  if (opts.maxWarnings >= 0 && count('warning') > opts.maxWarnings) {
    const n = count('warning');
    stderr.write(`needfirst: ${n} warning${n === 1 ? ' is' : 's are'} more than --max-warnings ${opts.maxWarnings} allows, so the run fails.\n`);
    return EXIT.findings;
  }
  return EXIT.clean;
}

/** A path as people should read it: relative to the working folder when inside it, else absolute. */
function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
