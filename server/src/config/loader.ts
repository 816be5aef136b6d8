import { dirname, join, resolve, sep, posix } from 'node:path';
import { applyConfig, type ResolvedConfig } from '../engine/config.js';
import { parseConfigText, type ConfigFile } from '../engine/configFile.js';
import { PRESET_NAMES, preset, recommended, type PresetName } from '../engine/presets.js';
import { presetNamed, readFrontMatter, type ProfileField } from './profile.js';

/** The configuration file names, in the order they are looked for in each folder. */
export const CONFIG_NAMES = ['.needfirst.json', '.needfirst.jsonc', '.needfirst.yaml', '.needfirst.yml'] as const;

/** What the loader needs from a file system; the CLI and the language server each pass theirs. */
export interface ConfigFileSystem {
  /** The file's text, or null when there is no such file. */
  readText(path: string): Promise<string | null>;
}

export interface ConfigError {
  file: string;
  message: string;
  offset: number;
  length: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** Configuration files that were applied, nearest last. */
  files: string[];
  /** Faults found; where there are any, `config` holds what could still be applied. */
  errors: ConfigError[];
  /** The preset the document's front matter chose, and the field that chose it. */
  profile?: { preset: PresetName; because: string };
  /** Faults of the document's own front matter (an unknown `needfirst:` profile), at their places in it. */
  documentErrors?: ConfigError[];
}

/** A file's `stages` map, which JSON schema validation has already checked. */
type WithStages = ConfigFile & { stages?: Record<string, string> };

interface FileResult {
  file: ConfigFile | null;
  text: string;
  locate: (path: Array<string | number>) => { offset: number; length: number };
}

/** Loads configuration for documents, caching each file and each folder's chain. */
export class ConfigLoader {
  private readonly files = new Map<string, Promise<FileResult | null>>();
  private readonly chains = new Map<string, Promise<string[]>>();
  private readonly errorsByFile = new Map<string, ConfigError[]>();

  constructor(private readonly fs: ConfigFileSystem) {}

  /** Forgets everything, for example after a configuration file changed. */
  clear(): void {
    this.files.clear();
    this.chains.clear();
    this.errorsByFile.clear();
  }

  /**
   * The configuration for a document: an explicit file, or the files found upward from its folder.
   * With the document's text, its front matter can choose a profile: `needfirst: strict`, or a
   * `stage:` that the configuration's `stages` maps to a preset. The profile's preset then takes
   * the place of the default and of every preset the files extend, and the files' own rule
   * settings still apply over it.
   */
  async forDocument(documentPath: string, explicitConfig?: string, text?: string): Promise<LoadedConfig> {
    const chain = explicitConfig ? [resolve(explicitConfig)] : await this.chain(dirname(resolve(documentPath)));
    if (explicitConfig && (await this.read(chain[0]!)) === null) {
      return {
        config: recommended(),
        files: [],
        errors: [{ file: chain[0]!, message: `The configuration file ${chain[0]} does not exist.`, offset: 0, length: 0, line: 1, column: 1, endLine: 1, endColumn: 1 }],
        documentErrors: [],
      };
    }
    let config = recommended();
    const errors: ConfigError[] = [];
    const stages = new Map<string, PresetName>();
    for (const path of chain) config = await this.resolveFile(path, config, [], errors, stages);
    const front = text === undefined ? null : readFrontMatter(text);
    const documentErrors: ConfigError[] = [];
    let profile: LoadedConfig['profile'];
    // A fault in the document's own front matter, shown at the field it concerns.
    const fieldError = (f: ProfileField, message: string): void =>
      void documentErrors.push({ file: resolve(documentPath), message, offset: f.offset, length: f.length, line: f.line, column: f.column, endLine: f.line, endColumn: f.column + f.length });
    if (front?.unreadable) {
      const f = front.unreadable;
      fieldError(f, `The front matter is not valid YAML (${f.reason}), so "${f.value}" could not be read. Fix the front matter so that the profile applies.`);
    } else if (front?.needfirst) {
      const chosen = presetNamed(front.needfirst.value);
      if (chosen) profile = { preset: chosen, because: `needfirst: ${front.needfirst.value}` };
      else fieldError(front.needfirst, `The front matter asks for the profile "${front.needfirst.value}", which does not exist. Use one of: ${PRESET_NAMES.map((p) => p.slice('needfirst:'.length)).join(', ')}.`);
    } else if (front?.stage && stages.has(front.stage.value)) {
      profile = { preset: stages.get(front.stage.value)!, because: `stage: ${front.stage.value}` };
    }
    if (!profile) return { config, files: chain, errors, documentErrors };
    let profiled = preset(profile.preset);
    for (const path of chain) profiled = await this.resolveFile(path, profiled, [], [], new Map(), profile.preset);
    return { config: profiled, files: chain, errors, profile, documentErrors };
  }

  /** Faults of one configuration file, for the editor to show on that file. */
  async validateFile(path: string): Promise<ConfigError[]> {
    const errors: ConfigError[] = [];
    await this.resolveFile(resolve(path), recommended(), [], errors, new Map());
    return errors.filter((e) => e.file === resolve(path));
  }

  private chain(folder: string): Promise<string[]> {
    let found = this.chains.get(folder);
    if (!found) {
      found = this.findChain(folder);
      this.chains.set(folder, found);
    }
    return found;
  }

  private async findChain(folder: string): Promise<string[]> {
    let here: string | null = null;
    for (const name of CONFIG_NAMES) {
      const candidate = join(folder, name);
      if ((await this.read(candidate)) !== null) {
        here = candidate;
        break;
      }
    }
    const parent = dirname(folder);
    if (here) {
      const parsed = await this.read(here);
      if (parsed?.file?.root === true || parent === folder) return [here];
      return [...(await this.chain(parent)), here];
    }
    return parent === folder ? [] : this.chain(parent);
  }

  private read(path: string): Promise<FileResult | null> {
    let found = this.files.get(path);
    if (!found) {
      found = this.load(path);
      this.files.set(path, found);
    }
    return found;
  }

  private async load(path: string): Promise<FileResult | null> {
    const text = await this.fs.readText(path);
    if (text === null) return null;
    const parsed = parseConfigText(text, path);
    this.errorsByFile.set(
      path,
      parsed.problems.map((p) => ({ file: path, ...p })),
    );
    return { file: parsed.config, text, locate: parsed.locate };
  }

  private async resolveFile(path: string, base: ResolvedConfig, stack: string[], errors: ConfigError[], stages: Map<string, PresetName>, profile?: PresetName): Promise<ResolvedConfig> {
    const loaded = await this.read(path);
    if (!loaded) return base;
    for (const e of this.errorsByFile.get(path) ?? []) if (!errors.some((x) => x.file === e.file && x.offset === e.offset && x.message === e.message)) errors.push(e);
    if (!loaded.file) return base;
    let config = base;
    const extendsList = loaded.file.extends === undefined ? [] : Array.isArray(loaded.file.extends) ? loaded.file.extends : [loaded.file.extends];
    for (const [i, target] of extendsList.entries()) {
      const where = loaded.locate(Array.isArray(loaded.file.extends) ? ['extends', i] : ['extends']);
      const fail = (message: string): void => {
        errors.push(errorAt(path, loaded.text, where.offset, where.length, message));
      };
      if (target.startsWith('needfirst:')) {
        if (!(PRESET_NAMES as readonly string[]).includes(target)) {
          fail(`Unknown preset "${target}". Known presets: ${PRESET_NAMES.join(', ')}.`);
          continue;
        }
        config = applyPreset(config, profile ?? (target as PresetName));
        continue;
      }
      const targetPath = resolve(dirname(path), target);
      if ([...stack, path].includes(targetPath)) {
        fail(`"extends" makes a cycle: ${[...stack, path, targetPath].join(' -> ')}. Remove one of these references.`);
        continue;
      }
      if ((await this.read(targetPath)) === null) {
        fail(`"extends" names ${target}, which does not exist (looked for ${targetPath}).`);
        continue;
      }
      config = await this.resolveFile(targetPath, config, [...stack, path], errors, stages, profile);
    }
    // Nearer files and later layers override a stage's preset.
    for (const [stage, name] of Object.entries((loaded.file as WithStages).stages ?? {})) {
      const chosen = presetNamed(name);
      if (chosen) stages.set(stage, chosen);
    }
    const own = applyConfig(config, { ...loaded.file, ignores: [] });
    own.ignores = [...config.ignores, ...(loaded.file.ignores ?? []).map((g) => toPosix(join(dirname(path), g)))];
    return own;
  }
}

/** A preset sets every rule's severity and scope and the checklist, and keeps added terms. */
function applyPreset(base: ResolvedConfig, name: PresetName): ResolvedConfig {
  const p = preset(name);
  const rules: ConfigFile['rules'] = {};
  for (const [id, s] of Object.entries(p.rules)) rules[id] = { severity: s.severity, scope: s.scope };
  return applyConfig(base, { rules, checklist: p.checklist });
}

function toPosix(path: string): string {
  return path.split(sep).join(posix.sep);
}

function errorAt(file: string, text: string, offset: number, length: number, message: string): ConfigError {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  const within = text.slice(offset, offset + length);
  const endLine = line + within.split('\n').length - 1;
  const endColumn = within.includes('\n') ? within.length - within.lastIndexOf('\n') : column + length;
  return { file, message, offset, length, line, column, endLine, endColumn };
}
