/**
 * The same questions to both graphs, over one emulator (its seed and live fronts share a store): what both
 * dialects serve answers the same, each at its own exact upstream cost. The ids differ by design (the seed's
 * `comp_7`, Zoho's 18-digit resource id 275000000000000007); names, statuses and systems do not.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { startApp, type App } from '../../src/app.js';
import { graphql } from '../support/graphql.js';
import { configFor } from '../support/stack.js';

let emulator: RunningEmulator;
const apps: Partial<Record<'seed' | 'live', App>> = {};

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, quiet: true });
  for (const dialect of ['seed', 'live'] as const) {
    apps[dialect] = await startApp(
      configFor(emulator, {
        ZOHO_API_DIALECT: dialect,
      }),
    );
  }
  // The live graph's department lookup, once for this process, out of the counts below.
  await graphql(apps.live!.url, '{ computers(first: 1) { totalCount } }');
});
afterAll(async () => {
  for (const app of Object.values(apps)) await app.close();
  await emulator.close();
});

interface Computers {
  computers: {
    totalCount: number | null;
    nodes: Array<{ id: string; name: string; status: string; os: string }>;
  };
}
const COMPUTERS = '{ computers(first: 10) { totalCount nodes { id name status os } } }';

/** The store's number of a computer, from either dialect's id. */
const numberOf = (id: string) => Number(id.replace(/^comp_/, '').replace(/^2750+/, ''));

async function ask(dialect: 'seed' | 'live', query: string, variables?: Record<string, unknown>) {
  await emulator.control.resetCalls();
  const answer = await graphql<Computers>(apps[dialect]!.url, query, variables);
  return { answer, calls: (await emulator.control.calls()).byRoute };
}

describe('both dialects over one store', () => {
  it('list the same computers, each in one call of its own API', async () => {
    const seed = await ask('seed', COMPUTERS);
    const live = await ask('live', COMPUTERS);

    expect(seed.calls).toEqual({ 'GET /computers': 1 });
    expect(live.calls).toEqual({ 'GET /devices': 1 });
    const byNumber = (answer: typeof seed.answer) =>
      answer
        .data!.computers.nodes.map(({ id, ...rest }) => ({ number: numberOf(id), ...rest }))
        .sort((a, b) => a.number - b.number);
    expect(byNumber(live.answer)).toEqual(byNumber(seed.answer));
    expect(live.answer.data?.computers.totalCount).toBe(seed.answer.data?.computers.totalCount);
  });

  it('see a rename made through the live graph in the seed graph', async () => {
    const renamed = await ask(
      'live',
      'mutation { renameComputer(input: { computerId: "275000000000000004", name: "Shared desk" }) { userErrors { code } } }',
    );
    const seed = await graphql<{ computer: { name: string } }>(
      apps.seed!.url,
      '{ computer(id: "comp_4") { name } }',
    );

    expect(renamed.calls).toEqual({ 'PUT /devices/{resource_id}': 1 });
    expect(seed.data?.computer.name).toBe('Shared desk');
  });
});
