// Settings per resource, pulled from the client (workspace/configuration), normalised where they arrive, and
// dropped when the configuration changes: never cached across a change.

import type { Connection } from 'vscode-languageserver/node';
import { messagesFor, type Messages } from '../l10n';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, normalizeSettings, type Settings } from '../shared/protocol';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** Whether the client answers workspace/configuration; when it does not, the defaults apply. */
  supported = false;
  /** The client's display language (initialize), for the "auto" locale. */
  clientLocale: string | undefined;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<Settings> {
    if (!this.supported) return Promise.resolve(DEFAULT_SETTINGS);
    let s = this.cache.get(uri);
    if (!s) {
      s = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(normalizeSettings, () => DEFAULT_SETTINGS);
      this.cache.set(uri, s);
    }
    return s;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }

  /** The message catalogue these settings ask for. */
  messages(settings: Settings): Messages {
    return messagesFor(settings.locale === 'auto' ? this.clientLocale : settings.locale);
  }

  /** `files.exclude` of a folder, as globs that are on. */
  async filesExclude(folder: string): Promise<string[]> {
    if (!this.supported) return [];
    try {
      const files = (await this.connection.workspace.getConfiguration({ scopeUri: folder, section: 'files' })) as { exclude?: Record<string, unknown> } | null;
      return Object.entries(files?.exclude ?? {}).filter(([, on]) => on === true).map(([glob]) => glob);
    } catch {
      return [];
    }
  }
}
