/**
 * What the live client accepts includes every answer Zoho's documentation shows (issue 21.3): each example, as
 * issue 21's note quotes it (test/live/examples.json), read losslessly and validated against the live contract.
 * test/live/client.test.ts sends the same answers through the client over HTTP.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { liveContract } from '../../contract/live-contract.js';
import { documentedBody, documentedJson, EXAMPLES } from './support.js';

const NOTE = '../shared/upstream/zoho-assist-live-api.md';
const note = existsSync(NOTE) ? readFileSync(NOTE, 'utf8').replace(/\s+/g, '') : undefined;

describe("the documentation's examples", () => {
  it('cover every operation that answers JSON, and the token endpoint', () => {
    const answering = [...liveContract.operations.keys()].filter((id) =>
      [
        'getUser',
        'createSession',
        'scheduleSession',
        'getDevice',
        'connectUnattended',
        'createGroup',
      ].includes(id),
    );
    for (const id of [...answering, 'listDevices', 'getSessionReports', 'mintAccessToken'])
      expect(EXAMPLES.some((e) => e.operationId === id)).toBe(true);
  });

  // The note lives beside the repository (../shared), which a clean clone may lack.
  (note ? it : it.skip)('are quoted from the note verbatim, except where a stored page was cut off', () => {
    for (const example of EXAMPLES.filter((e) => e.cut === undefined))
      expect(note!.includes(example.shown.replace(/\s+/g, ''))).toBe(true);
  });

  it.each(EXAMPLES.map((e) => [`${e.operationId} ${e.status} (${e.source})`, e] as const))(
    '%s passes the live contract',
    (_name, example) => {
      expect(
        liveContract.validateResponse(example.operationId, example.status, documentedBody(example)),
      ).toBe(undefined);
    },
  );

  it('read masked digits as digits and never touch the inside of a string', () => {
    expect(documentedJson('{"a":"21**","b":215**,c:{x},"d":[…],"e":"{y}"}')).toBe(
      '{"a":"21**","b":21500,"c":"{x}","d":[],"e":"{y}"}',
    );
  });

  it("keep the group's bare department id beyond 2^53 digit for digit", () => {
    const group = EXAMPLES.find((e) => e.operationId === 'createGroup')!;
    const body = documentedBody(group) as { representation: { department_id: unknown; created_by: unknown } };
    // 215 and seventeen masked digits, as the page shows it.
    expect(body.representation.department_id).toBe('21500000000000000000');
    expect(body.representation.created_by).toBe(74000000000);
  });
});
