/**
 * `/health/ready`. It never fails on Zoho: it reports whether Zoho answered the last upstream attempt of real
 * traffic and never calls Zoho itself (a probe would spend the organisation's budget on every check, and a Zoho
 * outage would take every replica out of the gateway's pool at once, replacing our precise UPSTREAM_UNAVAILABLE
 * answers with refused connections). Nor on Redis: the replica serves on local limits (docs/budget.md, "Redis").
 */
import type { RedisStatus } from '../redis/connection.js';

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, string>;
}

export interface Readiness {
  /** What an upstream attempt said of Zoho: answered, failed, or undefined when we gave it up ourselves. */
  upstreamAnswered: (answered: boolean | undefined) => void;
  /** SIGTERM received: unready from now on, while requests are still served (SHUTDOWN_DELAY_MS). */
  stopping: () => void;
  report: () => ReadinessReport;
}

export function createReadiness(redisStatus: () => RedisStatus | 'not configured'): Readiness {
  let stopping = false;
  /** Undefined before the first attempt of real traffic. */
  let upstream: boolean | undefined;
  return {
    upstreamAnswered: (answered) => {
      if (answered !== undefined) upstream = answered;
    },
    stopping: () => {
      stopping = true;
    },
    report: () => ({
      ready: !stopping,
      checks: {
        process: stopping ? 'shutting down' : 'ok',
        config: 'ok',
        upstream: upstream === undefined ? 'unknown' : upstream ? 'ok' : 'unreachable',
        redis: redisStatus(),
      },
    }),
  };
}
