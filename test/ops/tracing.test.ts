/**
 * Tracing end to end, over real HTTP: the gateway's `traceparent` in, an operation span and one child span per
 * upstream attempt out to a loopback OTLP/HTTP receiver (the exporter the configuration builds, JSON encoding),
 * and the trace context forwarded to Zoho. A recording proxy between the subgraph and the emulator shows what
 * Zoho receives.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from '@jest/globals';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { tracesUrl } from '../../src/observability/tracing.js';

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: number | string; arrayValue?: unknown };
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: OtlpAttribute[];
  status?: { code?: number; message?: string };
}
interface OtlpExport {
  resourceSpans: Array<{
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: Array<{ spans: OtlpSpan[] }>;
  }>;
}

const SPAN_KIND_SERVER = 2;
const SPAN_KIND_CLIENT = 3;
const STATUS_ERROR = 2;

const GATEWAY_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const GATEWAY_SPAN_ID = '00f067aa0ba902b7';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}
function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** An OTLP/HTTP collector on loopback: keeps every exported batch. */
async function startCollector() {
  const exports: OtlpExport[] = [];
  const paths: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      paths.push(req.url ?? '');
      exports.push(JSON.parse(body.toString('utf8')) as OtlpExport);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const port = await listen(server);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    paths,
    spans: () =>
      exports.flatMap((batch) => batch.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans))),
    serviceNames: () =>
      exports.flatMap((batch) =>
        batch.resourceSpans.map(
          (r) => r.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue,
        ),
      ),
    resources: () =>
      exports.flatMap((batch) =>
        batch.resourceSpans.map((r) =>
          Object.fromEntries(r.resource.attributes.map((a) => [a.key, a.value.stringValue])),
        ),
      ),
    close: () => closeServer(server),
  };
}

/** Forwards to the emulator and remembers the headers of every API call (what "Zoho" was sent). */
async function startRecordingProxy(target: RunningEmulator) {
  const seen: IncomingHttpHeaders[] = [];
  const origin = new URL(target.url);
  const server = createServer((req, res) => {
    seen.push(req.headers);
    const upstream = httpRequest(
      { host: origin.hostname, port: origin.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  const port = await listen(server);
  const api = new URL(target.apiUrl);
  return { apiUrl: `http://127.0.0.1:${port}${api.pathname}`, seen, close: () => closeServer(server) };
}

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** The emulator, the recording proxy and the subgraph; `otlpEndpoint` null leaves tracing off. */
async function startTracedStack(otlpEndpoint: string | null, env: Record<string, string> = {}) {
  const emulator = await startEmulator({ rateLimits: false, quiet: true });
  cleanups.push(() => emulator.close());
  const proxy = await startRecordingProxy(emulator);
  cleanups.push(() => proxy.close());
  const app: App = await startApp(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      ZOHO_ASSIST_API_URL: proxy.apiUrl,
      ZOHO_ACCOUNTS_URL: emulator.accountsUrl,
      ZOHO_ACCESS_TOKEN: 'emulator-token',
      ...(otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint } : {}),
      ...env,
    }),
  );
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
  };
  cleanups.push(close);
  const graphql = async (query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
  };
  /** Closing the app flushes the span batch to the collector. */
  return { app, proxy, graphql, control: emulator.control, flush: close };
}

describe('tracing', () => {
  it('continues the gateway trace: an operation span, a child span per upstream call, and traceparent to Zoho', async () => {
    const collector = await startCollector();
    cleanups.push(collector.close);
    const stack = await startTracedStack(collector.endpoint);

    const result = await stack.graphql(
      `query Dashboard { sessions(first: 3) { nodes { id technician { name } } } }`,
      { traceparent: `00-${GATEWAY_TRACE_ID}-${GATEWAY_SPAN_ID}-01` },
    );
    expect(result.errors).toBeUndefined();
    const { total: calls } = await stack.control.calls();
    await stack.flush();

    expect(collector.paths.every((path) => path === '/v1/traces')).toBe(true);
    expect(collector.serviceNames()).toContain('zoho-assist-subgraph');
    const spans = collector.spans();
    const operation = spans.filter((span) => span.kind === SPAN_KIND_SERVER);
    expect(operation).toHaveLength(1);
    const [op] = operation as [OtlpSpan];
    // Named by the operation type alone, as OpenTelemetry's GraphQL conventions advise; the name is an attribute.
    expect(op).toMatchObject({
      traceId: GATEWAY_TRACE_ID,
      parentSpanId: GATEWAY_SPAN_ID,
      name: 'query',
    });
    expect(attribute(op, 'graphql.operation.name')).toBe('Dashboard');
    expect(attribute(op, 'graphql.operation.type')).toBe('query');
    expect(attribute(op, 'error.type')).toBeUndefined();

    const upstream = spans.filter((span) => span.kind === SPAN_KIND_CLIENT);
    expect(calls).toBe(2);
    expect(upstream).toHaveLength(calls);
    for (const span of upstream) {
      expect(span).toMatchObject({ traceId: GATEWAY_TRACE_ID, parentSpanId: op.spanId });
      expect(attribute(span, 'http.response.status_code')).toBe(200);
    }
    expect(upstream.map((span) => span.name).sort()).toEqual(['GET /sessions', 'GET /technicians']);

    expect(stack.proxy.seen).toHaveLength(calls);
    for (const headers of stack.proxy.seen) {
      expect(headers.traceparent).toBe(`00-${GATEWAY_TRACE_ID}-${op.spanId}-01`);
    }
  });

  it('starts a trace of its own without a traceparent, and marks failed upstream attempts and the operation', async () => {
    const collector = await startCollector();
    cleanups.push(collector.close);
    const stack = await startTracedStack(collector.endpoint);
    await stack.control.addFault({ route: 'GET /technicians/{technicianId}', errorRate: 1 });

    const result = await stack.graphql(`{ technician(id: "tech_1") { id } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    const { total: calls } = await stack.control.calls();
    await stack.flush();

    const spans = collector.spans();
    const [op, ...others] = spans.filter((span) => span.kind === SPAN_KIND_SERVER);
    expect(others).toHaveLength(0);
    expect(op?.parentSpanId ?? '').toBe('');
    expect(op?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(op?.traceId).not.toBe(GATEWAY_TRACE_ID);
    expect(op?.name).toBe('query');
    expect(op?.status).toMatchObject({ code: STATUS_ERROR, message: 'UPSTREAM_UNAVAILABLE' });
    expect(op && attribute(op, 'error.type')).toBe('UPSTREAM_UNAVAILABLE');

    // Every retry is an attempt of its own: one span each, numbered by resend count.
    const attempts = spans.filter((span) => span.kind === SPAN_KIND_CLIENT);
    expect(calls).toBeGreaterThan(1);
    expect(attempts).toHaveLength(calls);
    for (const span of attempts) {
      expect(span).toMatchObject({
        traceId: op?.traceId,
        parentSpanId: op?.spanId,
        status: { code: STATUS_ERROR },
      });
      expect(attribute(span, 'http.response.status_code')).toBe(503);
    }
    expect(attempts.map((span) => attribute(span, 'http.request.resend_count') ?? 0).sort()).toEqual(
      Array.from({ length: calls }, (_, i) => i),
    );
  });

  it('names spans `{type} {name}` on request, and the resource from OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES', async () => {
    const collector = await startCollector();
    cleanups.push(collector.close);
    const stack = await startTracedStack(collector.endpoint, {
      TRACING_SPAN_NAME_WITH_OPERATION_NAME: 'true',
      OTEL_SERVICE_NAME: 'assist-graph',
      OTEL_RESOURCE_ATTRIBUTES:
        'service.name=ignored,deployment.environment.name=staging,team=support%2Cdesk',
    });

    await stack.graphql(`query Dashboard { technicians(first: 1) { totalCount } }`);
    await stack.graphql(`{ technicians(first: 1) { totalCount } }`);
    await stack.graphql(`mutation { endSession(input: { sessionId: "nope" }) { userErrors { code } } }`);
    await stack.graphql(`{ technicians(first: `);
    await stack.flush();

    const names = collector
      .spans()
      .filter((span) => span.kind === SPAN_KIND_SERVER)
      .map((span) => span.name);
    expect(names.sort()).toEqual(['GraphQL Operation', 'mutation', 'query', 'query Dashboard']);
    const unparsed = collector.spans().find((span) => span.name === 'GraphQL Operation');
    expect(unparsed && attribute(unparsed, 'error.type')).toBe('GRAPHQL_PARSE_FAILED');
    for (const resource of collector.resources()) {
      expect(resource).toMatchObject({
        'service.name': 'assist-graph',
        'deployment.environment.name': 'staging',
        team: 'support,desk',
        'telemetry.sdk.name': 'opentelemetry',
      });
    }
  });

  it('sends no trace headers to Zoho when tracing is off', async () => {
    const stack = await startTracedStack(null);
    const result = await stack.graphql(`{ technicians(first: 1) { totalCount } }`, {
      traceparent: `00-${GATEWAY_TRACE_ID}-${GATEWAY_SPAN_ID}-01`,
    });
    expect(result.errors).toBeUndefined();
    expect(stack.proxy.seen).toHaveLength(1);
    expect(stack.proxy.seen[0]?.traceparent).toBeUndefined();
  });

  it('posts to <endpoint>/v1/traces, whatever trailing slash the endpoint has', () => {
    expect(tracesUrl('http://collector:4318')).toBe('http://collector:4318/v1/traces');
    expect(tracesUrl('http://collector:4318/')).toBe('http://collector:4318/v1/traces');
  });
});
