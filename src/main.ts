/**
 * `npm start`: read the configuration once, start the subgraph (and, with no Zoho settings outside production,
 * the embedded emulator), and drain on SIGTERM/SIGINT.
 */
import { startApp } from './app.js';
import { ConfigError, loadConfig } from './config/index.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await startApp(config);
  if (app.emulator) {
    console.log(`Zoho Assist emulator (embedded): ${app.emulator.apiUrl}`);
  }
  console.log(`Zoho Assist subgraph ready at ${app.url}`);

  const stop = (signal: string) => {
    console.log(`${signal}: draining`);
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Start-up failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
