import { describe, expect, it } from '@jest/globals';
import { fileNameFromDisposition, parseRetryAfter } from '../../src/upstream/client.js';
import { dataCentreUrls, ZOHO_DATA_CENTRES } from '../../src/upstream/datacentres.js';

describe('data centres', () => {
  it('derive the API and accounts bases from the same domain', () => {
    expect(ZOHO_DATA_CENTRES.map((dc) => dataCentreUrls(dc))).toEqual([
      { apiUrl: 'https://assist.zoho.com/api/v2', accountsUrl: 'https://accounts.zoho.com' },
      { apiUrl: 'https://assist.zoho.eu/api/v2', accountsUrl: 'https://accounts.zoho.eu' },
      { apiUrl: 'https://assist.zoho.in/api/v2', accountsUrl: 'https://accounts.zoho.in' },
      { apiUrl: 'https://assist.zoho.com.au/api/v2', accountsUrl: 'https://accounts.zoho.com.au' },
      { apiUrl: 'https://assist.zoho.com.cn/api/v2', accountsUrl: 'https://accounts.zoho.com.cn' },
      { apiUrl: 'https://assist.zoho.jp/api/v2', accountsUrl: 'https://accounts.zoho.jp' },
      { apiUrl: 'https://assist.zoho.uk/api/v2', accountsUrl: 'https://accounts.zoho.uk' },
      { apiUrl: 'https://assist.zohocloud.ca/api/v2', accountsUrl: 'https://accounts.zohocloud.ca' },
      { apiUrl: 'https://assist.zoho.sa/api/v2', accountsUrl: 'https://accounts.zoho.sa' },
    ]);
  });
});

describe('Retry-After', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('7')).toBe(7);
  });
  it('reads an HTTP date as the seconds until then', () => {
    const now = Date.parse('2025-01-15T10:30:00Z');
    expect(parseRetryAfter('Wed, 15 Jan 2025 10:30:12 GMT', now)).toBe(12);
    expect(parseRetryAfter('Wed, 15 Jan 2025 10:29:00 GMT', now)).toBe(0);
  });
  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('Content-Disposition', () => {
  it('prefers the RFC 5987 UTF-8 name', () => {
    expect(
      fileNameFromDisposition(`attachment; filename="r_sum_.txt"; filename*=UTF-8''r%C3%A9sum%C3%A9.txt`),
    ).toBe('résumé.txt');
  });
  it('reads a quoted or bare name', () => {
    expect(fileNameFromDisposition('attachment; filename="a \\"b\\".txt"')).toBe('a "b".txt');
    expect(fileNameFromDisposition('attachment; filename=plain.bin')).toBe('plain.bin');
  });
  it('has no name without the parameter', () => {
    expect(fileNameFromDisposition('attachment')).toBeUndefined();
    expect(fileNameFromDisposition(undefined)).toBeUndefined();
  });
});
