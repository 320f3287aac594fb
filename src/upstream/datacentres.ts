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

export function isZohoDataCentre(value: string): value is ZohoDataCentre {
  return Object.hasOwn(DOMAINS, value);
}

export function dataCentreUrls(dc: ZohoDataCentre): ZohoDataCentreUrls {
  const domain = DOMAINS[dc];
  return { apiUrl: `https://assist.${domain}/api/v2`, accountsUrl: `https://accounts.${domain}` };
}

/**
 * The URLs to use: explicit ones (`ZOHO_ASSIST_API_URL`, the emulator) win over the data centre's, each on its
 * own, so an emulator can serve both or a proxy only the API. The data centre defaults to `us`.
 */
export function resolveZohoUrls(options: {
  dataCentre?: ZohoDataCentre;
  apiUrl?: string;
  accountsUrl?: string;
}): ZohoDataCentreUrls {
  const dc = dataCentreUrls(options.dataCentre ?? 'us');
  return {
    apiUrl: (options.apiUrl || dc.apiUrl).replace(/\/+$/, ''),
    accountsUrl: (options.accountsUrl || dc.accountsUrl).replace(/\/+$/, ''),
  };
}
