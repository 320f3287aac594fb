/**
 * The live dialect's contract (contract/live.openapi.yaml) at run time. A module of its own so that a process
 * speaking the seed never loads it.
 */
import { loadContract } from './validate.js';

export const liveContract = loadContract(
  'live.openapi.json',
  'https://contract.zoho-assist.local/live.openapi.json',
);
