/**
 * Zoho's enum values and the graph's, both ways. Zoho may add a value at any time: it must read as UNKNOWN, and
 * UNKNOWN must never be sent back.
 */
import { describe, expect, it } from '@jest/globals';
import {
  chatSender,
  computerStatus,
  fileDirection,
  fileStatus,
  sessionStatus,
  sessionType,
  technicianRole,
  technicianStatus,
} from '../../src/graph/enums.js';

const TABLES = {
  sessionStatus: [sessionStatus, ['waiting', 'active', 'completed', 'ended', 'scheduled']],
  sessionType: [sessionType, ['remote_support', 'unattended_access', 'scheduled_session']],
  technicianRole: [technicianRole, ['admin', 'technician']],
  technicianStatus: [technicianStatus, ['online', 'offline', 'busy']],
  computerStatus: [computerStatus, ['online', 'offline']],
  chatSender: [chatSender, ['technician', 'customer']],
  fileDirection: [fileDirection, ['technician_to_customer', 'customer_to_technician']],
  fileStatus: [fileStatus, ['pending', 'completed', 'failed']],
} as const;

interface OpenEnum {
  fromUpstream(value: string): string;
  toUpstream(value: never): string | undefined;
}

const cases = Object.entries(TABLES).map(
  ([name, [table, values]]): { name: string; table: OpenEnum; values: readonly string[] } => ({
    name,
    table,
    values,
  }),
);

describe.each(cases)('$name', ({ table, values }) => {
  it("maps each of Zoho's values to its upper-case graph value", () => {
    expect(values.map((value) => table.fromUpstream(value))).toEqual(
      values.map((value) => value.toUpperCase()),
    );
  });

  it('maps each graph value back to the Zoho value it came from', () => {
    for (const value of values) expect(table.toUpstream(table.fromUpstream(value) as never)).toBe(value);
  });

  it('reads a value Zoho added later, or a different spelling, as UNKNOWN instead of failing', () => {
    expect(table.fromUpstream('added_by_zoho_next_year')).toBe('UNKNOWN');
    expect(table.fromUpstream(values[0]!.toUpperCase())).toBe('UNKNOWN');
    expect(table.fromUpstream('')).toBe('UNKNOWN');
  });

  it('has no Zoho value for UNKNOWN, so it can never be sent upstream', () => {
    expect(table.toUpstream('UNKNOWN' as never)).toBeUndefined();
  });
});

it('does not take inherited object keys for Zoho values', () => {
  expect(sessionStatus.fromUpstream('constructor')).toBe('UNKNOWN');
  expect(sessionStatus.fromUpstream('__proto__')).toBe('UNKNOWN');
  expect(sessionStatus.toUpstream('toString' as never)).toBeUndefined();
});
