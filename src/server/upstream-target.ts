/**
 * Where Zoho is: the configured data centre's URLs, or the embedded emulator's (started here, outside production,
 * when no Zoho settings are given). The emulator is loaded only when asked for: a production process never
 * carries it and its seed data.
 */
import type { RunningEmulator } from '../../emulator/index.js';
import type { Config } from '../config/index.js';
import type { ServiceCredentials } from './auth-mode.js';

export interface UpstreamTarget {
  readonly apiUrl: string;
  readonly accountsUrl: string;
  readonly emulator: RunningEmulator | undefined;
  /** The embedded emulator's own client, which service mode uses when no credentials are configured. */
  readonly emulatorCredentials: ServiceCredentials | undefined;
}

export async function startUpstreamTarget(config: Config): Promise<UpstreamTarget> {
  const embedded = config.emulator.enabled ? await import('../../emulator/index.js') : undefined;
  const emulator = await embedded?.startEmulator({
    port: config.emulator.port,
    host: '127.0.0.1',
    quiet: true,
    ...(config.emulator.rateLimits ? {} : { rateLimits: false }),
  });
  const apiUrl = emulator?.apiUrl ?? config.upstream.apiUrl;
  const accountsUrl = emulator?.accountsUrl ?? config.upstream.accountsUrl;
  if (!apiUrl || !accountsUrl)
    throw new Error('No Zoho Assist API URL: configure ZOHO_DC or ZOHO_ASSIST_API_URL.');
  return { apiUrl, accountsUrl, emulator, emulatorCredentials: embedded?.EMULATOR_CREDENTIALS };
}
