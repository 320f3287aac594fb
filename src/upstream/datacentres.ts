/**
 * Zoho's data centres. An account lives in one; its Assist API (`assist.X`) and its accounts server (the OAuth
 * token endpoint, `accounts.X`) share the domain X. Zoho's multi-DC page lists nine; the Assist page lists the
 * six it has run longest, and UK, CA and SA follow the same shared-suffix rule (CA's domain is zohocloud.ca).
 * The token answer's `api_domain` (`https://www.zohoapis.X`) is not where Assist is served: it is never used.
 */

export type ZohoDataCentre = 'us' | 'eu' | 'in' | 'au' | 'cn' | 'jp' | 'uk' | 'ca' | 'sa';

export interface ZohoDataCentreUrls {
  /** `https://assist.zoho.X/api/v2`, no trailing slash. */
  apiUrl: string;
  /** `https://accounts.zoho.X`; the token endpoint is `${accountsUrl}/oauth/v2/token`. */
  accountsUrl: string;
}

const DOMAINS: Readonly<Record<ZohoDataCentre, string>> = {
  us: 'zoho.com',
  eu: 'zoho.eu',
  in: 'zoho.in',
  au: 'zoho.com.au',
  cn: 'zoho.com.cn',
  jp: 'zoho.jp',
  uk: 'zoho.uk',
  ca: 'zohocloud.ca',
  sa: 'zoho.sa',
};

export const ZOHO_DATA_CENTRES: readonly ZohoDataCentre[] = Object.freeze(
  Object.keys(DOMAINS) as ZohoDataCentre[],
);

export function dataCentreUrls(dc: ZohoDataCentre): ZohoDataCentreUrls {
  const domain = DOMAINS[dc];
  return { apiUrl: `https://assist.${domain}/api/v2`, accountsUrl: `https://accounts.${domain}` };
}

/** The data centre whose Assist host `url` is on, or undefined (the emulator, a proxy, any other host). */
export function dataCentreOfApiUrl(url: string): ZohoDataCentre | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  return ZOHO_DATA_CENTRES.find((dc) => host === `assist.${DOMAINS[dc]}`);
}
