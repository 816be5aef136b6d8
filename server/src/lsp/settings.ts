/** The `needfirst.*` settings a client can give per resource, and their defaults. */
export interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  messages: 'auto' | 'en' | 'zh-CN' | 'zh-TW';
  codeLens: { enable: boolean };
}

export const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType', messages: 'auto', codeLens: { enable: true } };

const MESSAGES = new Set(['auto', 'en', 'zh-CN', 'zh-TW']);

/**
 * Reads whatever the client answered to workspace/configuration (an object, null, or nothing
 * for clients that keep no settings) and keeps only values of the right type.
 */
export function toSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const codeLens = (value.codeLens && typeof value.codeLens === 'object' ? value.codeLens : {}) as Record<string, unknown>;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    run: value.run === 'onSave' || value.run === 'onType' ? value.run : DEFAULT_SETTINGS.run,
    messages: typeof value.messages === 'string' && MESSAGES.has(value.messages) ? (value.messages as Settings['messages']) : DEFAULT_SETTINGS.messages,
    codeLens: { enable: typeof codeLens.enable === 'boolean' ? codeLens.enable : DEFAULT_SETTINGS.codeLens.enable },
  };
}
