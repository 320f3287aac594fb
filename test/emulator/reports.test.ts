import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { expectContract, startTestEmulator } from './helpers.js';
import type { TestEmulator } from './helpers.js';
import type { StateSession } from '../../emulator/index.js';
import type {
  ZohoCreatedSession,
  ZohoCustomerReport,
  ZohoSessionReport,
  ZohoTechnicianReport,
} from '../../contract/types.js';

let emu: TestEmulator;
let state: StateSession[];
beforeAll(async () => {
  emu = await startTestEmulator({ size: { sessions: 600, seed: 7 } });
  state = await emu.control.stateSessions();
});
afterAll(async () => {
  await emu.close();
});

function inPeriod(s: StateSession, from: string, to: string): boolean {
  const day = s.reportStartTime.slice(0, 10);
  return day >= from && day <= to;
}

function summary(sessions: StateSession[]): Record<string, number> {
  const total = sessions.reduce((sum, s) => sum + s.durationSeconds, 0);
  return {
    totalSessions: sessions.length,
    completedSessions: sessions.filter((s) => s.status === 'completed').length,
    totalDuration: total,
    averageDuration: sessions.length ? Math.round(total / sessions.length) : 0,
  };
}

it('the session report summary equals a recomputation from the stored sessions', async () => {
  const report = await emu.call<ZohoSessionReport>(
    'GET',
    '/reports/sessions?from_date=2025-03-01&to_date=2025-05-31',
  );
  expectContract('getSessionReport', report);
  const expected = state.filter((s) => inPeriod(s, '2025-03-01', '2025-05-31'));
  expect(expected.length).toBeGreaterThan(0);
  expect(report.body.summary).toEqual(summary(expected));
  expect(report.body.sessions.map((s) => s.sessionId).sort()).toEqual(
    expected.map((s) => s.sessionId).sort(),
  );
});

it('the report honours technicianId and status filters', async () => {
  const report = await emu.call<ZohoSessionReport>(
    'GET',
    '/reports/sessions?from_date=2025-01-01&to_date=2025-12-31&technicianId=tech_2&status=completed',
  );
  const expected = state.filter(
    (s) => inPeriod(s, '2025-01-01', '2025-12-31') && s.technicianId === 'tech_2' && s.status === 'completed',
  );
  expect(report.body.summary).toEqual(summary(expected));
  expect(report.body.summary.completedSessions).toBe(report.body.summary.totalSessions);
});

it('the technician report has one entry per technician and adds up to the summary', async () => {
  const report = await emu.call<ZohoTechnicianReport>(
    'GET',
    '/reports/technicians?from_date=2025-01-01&to_date=2025-12-31',
  );
  expectContract('getTechnicianReport', report);
  const expected = state.filter((s) => inPeriod(s, '2025-01-01', '2025-12-31'));
  expect(report.body.summary).toEqual(summary(expected));
  for (const entry of report.body.technicians) {
    const { technicianId, technicianName: _name, ...figures } = entry;
    expect(figures).toEqual(summary(expected.filter((s) => s.technicianId === technicianId)));
  }
});

it('the customer report groups by customer email', async () => {
  const report = await emu.call<ZohoCustomerReport>(
    'GET',
    '/reports/customers?from_date=2025-06-01&to_date=2025-08-31',
  );
  expectContract('getCustomerReport', report);
  const expected = state.filter((s) => inPeriod(s, '2025-06-01', '2025-08-31'));
  expect(report.body.customers).toHaveLength(
    new Set(expected.map((s) => s.customerEmail?.toLowerCase())).size,
  );
  const sum = report.body.customers.reduce((n, c) => n + c.totalSessions, 0);
  expect(sum).toBe(expected.length);
});

it('a session ended through the API shows up in the report with its duration', async () => {
  const created = await emu.call<ZohoCreatedSession>('POST', '/sessions', {
    body: {
      sessionType: 'remote_support',
      customerName: 'R',
      customerEmail: 'r@example.org',
      technicianId: 'tech_1',
    },
  });
  const id = created.body.sessionId;
  await emu.control.setSessionStatus(id, 'active');
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await emu.control.setSessionStatus(id, 'completed');
  const today = new Date().toISOString().slice(0, 10);
  const report = await emu.call<ZohoSessionReport>(
    'GET',
    `/reports/sessions?from_date=${today}&to_date=${today}`,
  );
  const entry = report.body.sessions.find((s) => s.sessionId === id);
  expect(entry).toMatchObject({ status: 'completed', duration: expect.any(Number) });
  expect(entry!.duration).toBeGreaterThanOrEqual(1);
});

it('the same seed gives the same data', async () => {
  const twin = await startTestEmulator({ size: { sessions: 600, seed: 7 } });
  try {
    const a = await twin.control.stateSessions();
    expect(a).toEqual(state);
  } finally {
    await twin.close();
  }
});
