/**
 * What a change makes stale (src/events/changes.ts): the cache tags and events of each kind of write and event,
 * ids from the arguments or, for a creation, from Zoho's answer.
 */
import { describe, expect, it } from '@jest/globals';
import { changeOfEvent, changeOfWrite } from '../../src/events/changes.js';

const AT = 1_700_000_000_000;

describe('changeOfWrite', () => {
  it('tags an updated customer by the id it was given, with the lists its row names, and tells subscribers nothing', () => {
    const change = changeOfWrite(
      {
        dialect: 'seed',
        operation: 'updateCustomer',
        args: ['cust_3', { name: 'x' }],
        resources: ['customers', 'sessions', 'reports'],
        answer: { customerId: 'cust_3' },
      },
      AT,
    );
    expect(change).toEqual({
      invalidation: {
        resources: ['customers', 'sessions', 'reports'],
        tags: ['customer-cust_3', 'customers', 'sessions'],
      },
      events: [],
    });
  });

  it("names a created session by Zoho's answer, and a computer's connection by both", () => {
    expect(
      changeOfWrite(
        {
          dialect: 'seed',
          operation: 'createSession',
          args: [{}],
          resources: ['sessions'],
          answer: { sessionId: '42' },
        },
        AT,
      ).events,
    ).toEqual([{ kind: 'session', id: '42', type: 'mutation', at: AT }]);
    expect(
      changeOfWrite(
        {
          dialect: 'seed',
          operation: 'connectComputer',
          args: ['comp_7', undefined],
          resources: ['computers', 'sessions', 'reports'],
          answer: { sessionId: '43' },
        },
        AT,
      ).events.map((event) => `${event.kind}-${event.id}`),
    ).toEqual(['computer-comp_7', 'session-43']);
  });

  it('names every device of a live bulk removal, and a write that may have landed without an answer by its argument', () => {
    const bulk = changeOfWrite(
      {
        dialect: 'live',
        operation: 'bulkDeleteDevices',
        args: [{ managed_computer_ids: ['275000000000000001', '275000000000000002'], operationId: 4 }],
        resources: ['live:devices', 'live:groups'],
      },
      AT,
    );
    expect(bulk.invalidation.tags).toEqual([
      'computer-275000000000000001',
      'computer-275000000000000002',
      'computers',
    ]);
    expect(
      changeOfWrite({ dialect: 'seed', operation: 'endSession', args: ['99'], resources: ['sessions'] }, AT)
        .events,
    ).toEqual([{ kind: 'session', id: '99', type: 'mutation', at: AT }]);
  });

  it('changes nothing it cannot name: a creation whose answer never came', () => {
    expect(
      changeOfWrite({ dialect: 'seed', operation: 'addCustomer', args: [{}], resources: ['customers'] }, AT),
    ).toEqual({ invalidation: { resources: ['customers'], tags: ['customers'] }, events: [] });
  });
});

describe('changeOfEvent', () => {
  it("makes a device's event forget both dialects' computers and tags it by its id", () => {
    expect(changeOfEvent({ kind: 'computer', id: 'comp_2', type: 'DEVICE_OFFLINE', at: AT })).toEqual({
      resources: ['computers', 'sessions', 'reports', 'live:devices', 'live:groups'],
      tags: ['computer-comp_2', 'computers'],
    });
  });
});
