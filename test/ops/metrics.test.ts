import { createMetrics } from '../../src/observability/metrics.js';

describe('createMetrics', () => {
  it('renders every metric it recorded, in the Prometheus text format', async () => {
    const metrics = createMetrics();

    metrics.operations.inc({ operation: 'SessionList', outcome: 'success' });
    metrics.operationDuration.observe({ operation: 'SessionList' }, 0.12);
    metrics.upstreamCalls.inc({ route: 'GET /sessions', status: '200' });
    metrics.upstreamDuration.observe({ route: 'GET /sessions' }, 0.05);
    metrics.upstreamRetries.inc({ route: 'GET /sessions' });
    metrics.upstreamRateLimited.inc({ route: 'GET /sessions' });
    metrics.budgetRemaining.set({ window: 'minute' }, 49);
    metrics.budgetRemaining.set({ window: 'day' }, 4999);
    metrics.tokenMints.inc({ outcome: 'minted' });
    metrics.cacheLookups.inc({ resource: 'technician', result: 'hit' }, 3);
    metrics.cacheLookups.inc({ resource: 'technician', result: 'miss' });
    metrics.loaderBatchSize.observe({ loader: 'technician' }, 7);

    const { contentType, body } = await metrics.render();

    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain(
      'zoho_assist_graphql_operations_total{operation="SessionList",outcome="success"} 1',
    );
    expect(body).toContain('zoho_assist_graphql_operation_duration_seconds_count{operation="SessionList"} 1');
    expect(body).toContain('zoho_assist_upstream_calls_total{route="GET /sessions",status="200"} 1');
    expect(body).toContain('zoho_assist_upstream_duration_seconds_count{route="GET /sessions"} 1');
    expect(body).toContain('zoho_assist_upstream_retries_total{route="GET /sessions"} 1');
    expect(body).toContain('zoho_assist_upstream_rate_limited_total{route="GET /sessions"} 1');
    expect(body).toContain('zoho_assist_rate_limit_budget_remaining{window="minute"} 49');
    expect(body).toContain('zoho_assist_rate_limit_budget_remaining{window="day"} 4999');
    expect(body).toContain('zoho_assist_token_mints_total{outcome="minted"} 1');
    expect(body).toContain('zoho_assist_cache_lookups_total{resource="technician",result="hit"} 3');
    expect(body).toContain('zoho_assist_cache_lookups_total{resource="technician",result="miss"} 1');
    expect(body).toContain('zoho_assist_dataloader_batch_size_bucket{le="10",loader="technician"} 1');
  });

  it('names every series of its own zoho_assist_*, and keeps no since-start ratio', async () => {
    const metrics = createMetrics();
    metrics.cacheLookups.inc({ resource: 'technician', result: 'hit' });
    metrics.upstreamReachable.set(1);
    metrics.upstreamLastAnswer.set(1_800_000_000);

    const { body } = await metrics.render();
    const names = [...body.matchAll(/^# TYPE (\S+)/gm)].map((match) => match[1] ?? '');
    const ours = names.filter((name) => !/^(process|nodejs)_/.test(name));

    expect(ours.length).toBeGreaterThanOrEqual(12);
    expect(ours.filter((name) => !name.startsWith('zoho_assist_'))).toEqual([]);
    expect(body).toContain('zoho_assist_upstream_reachable 1');
    expect(body).toContain('zoho_assist_upstream_last_answer_timestamp_seconds 1800000000');
    expect(body).not.toContain('hit_ratio');
  });

  it('includes the default process metrics', async () => {
    const { body } = await createMetrics().render();

    expect(body).toContain('process_cpu_user_seconds_total');
    expect(body).toContain('nodejs_eventloop_lag_seconds');
  });

  it('keeps each instance in its own registry, so two instances never collide or share values', async () => {
    const first = createMetrics();
    const second = createMetrics();

    first.tokenMints.inc({ outcome: 'failed' });

    expect((await first.render()).body).toContain('zoho_assist_token_mints_total{outcome="failed"} 1');
    expect((await second.render()).body).not.toContain('outcome="failed"');
  });

  it('bounds operation labels: cleaned, anonymous when missing, other past the cap', () => {
    const metrics = createMetrics();

    expect(metrics.operationLabel(undefined)).toBe('anonymous');
    expect(metrics.operationLabel('Get-Session"}')).toBe('GetSession');
    for (let n = 2; n <= 200; n++) expect(metrics.operationLabel(`Operation${n}`)).toBe(`Operation${n}`);
    expect(metrics.operationLabel('Operation201')).toBe('other');
    expect(metrics.operationLabel('GetSession')).toBe('GetSession');
    expect(metrics.operationLabel('x'.repeat(100))).toBe('other');
  });
});
