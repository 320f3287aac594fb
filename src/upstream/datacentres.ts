/**
 * Zoho's data centres. An account lives in one; its API and its accounts server (the OAuth token endpoint)
 * share the top-level domain. CN and JP follow the host pattern Zoho uses for its other products (the contract
 * marks them `x-assumed`).
 */

export type ZohoDataCentre = 'us' | 'eu' | 'in' | 'au' | 'cn' | 'jp';

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
};

export const ZOHO_DATA_CENTRES: readonly ZohoDataCentre[] = Object.freeze(
  Object.keys(DOMAINS) as ZohoDataCentre[],
);

export function dataCentreUrls(dc: ZohoDataCentre): ZohoDataCentreUrls {
  const domain = DOMAINS[dc];
  return { apiUrl: `https://assist.${domain}/api/v2`, accountsUrl: `https://accounts.${domain}` };
}
