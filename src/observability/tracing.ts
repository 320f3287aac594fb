/**
 * OpenTelemetry tracing, off unless `OTEL_EXPORTER_OTLP_ENDPOINT` is set: one SERVER span per GraphQL operation,
 * a child of the gateway's span when the request carries a W3C `traceparent`, and one CLIENT span per upstream
 * attempt under it. The operation span follows OpenTelemetry's GraphQL server conventions: named by the
 * operation type (`query`), the client's operation name only on request (it is client-chosen, so span names
 * would multiply with it), `error.type` on failure. Zoho receives the operation's `traceparent` (and `tracestate`), so anything it logs joins the
 * same trace.
 *
 * Why upstream spans are recorded after the fact (start = end − duration) instead of wrapping the call: the Zoho
 * client takes its headers per request, not per call, and reports each attempt through `onCall` once it is over.
 * The timings are the client's own, so the spans are exact; the cost is that Zoho sees the operation span, not
 * the attempt's span, as its parent.
 *
 * Nothing is registered globally (no global tracer provider, no context manager, no monkey-patching): spans are
 * parented explicitly, so tracing cannot leak into another library's instrumentation, or into tests.
 */
import type { IncomingHttpHeaders } from 'node:http';
import {
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context as OtelContext,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import type { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { UpstreamCallEvent } from '../upstream/client.js';

/** `service.name` when neither OTEL_SERVICE_NAME nor OTEL_RESOURCE_ATTRIBUTES names one; also the tracer's name. */
const SERVICE_NAME = 'zoho-assist-subgraph';

/** The span name the conventions give an operation whose type is unknown (it did not parse, or was not found). */
const UNKNOWN_OPERATION = 'GraphQL Operation';

/** Longest a shutdown waits for the last spans to be exported, so a dead collector cannot stall a deploy. */
const SHUTDOWN_FLUSH_MS = 3000;

export interface OperationOutcome {
  /** The operation's name as sent, or null for an anonymous operation. */
  operationName: string | null;
  /** `query`, `mutation`..., when the document was parsed and the operation found. */
  operationType: string | undefined;
  /** The `extensions.code` of every error of the response (empty on success). */
  errorCodes: readonly string[];
}

/** The trace of one GraphQL operation. */
export interface OperationTrace {
  readonly traceId: string;
  /** `traceparent` (and `tracestate`) for every upstream call of this operation. */
  readonly upstreamHeaders: Readonly<Record<string, string>>;
  /** Records one finished upstream attempt as a child span. */
  recordUpstreamCall(event: UpstreamCallEvent): void;
  /** Names and ends the operation span; later calls do nothing (the response-close fallback may come second). */
  end(outcome?: OperationOutcome): void;
}

export interface Tracing {
  /** Starts an operation span, continuing the trace of the incoming `traceparent` when there is one. */
  startOperation(headers: IncomingHttpHeaders): OperationTrace;
  /** Exports what is buffered and stops; bounded by SHUTDOWN_FLUSH_MS. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** OTLP/HTTP base URL (`OTEL_EXPORTER_OTLP_ENDPOINT`); spans go to `<endpoint>/v1/traces` as JSON. */
  otlpEndpoint: string | null;
  /** `OTEL_SERVICE_NAME`; null = `service.name` of `resourceAttributes`, else SERVICE_NAME. */
  serviceName?: string | null;
  /** `OTEL_RESOURCE_ATTRIBUTES`, parsed: attributes of every span's resource. */
  resourceAttributes?: Readonly<Record<string, string>>;
  /** `TRACING_SPAN_NAME_WITH_OPERATION_NAME`: `query Dashboard` instead of `query`. */
  spanNameWithOperationName?: boolean;
}

/** The OTLP/HTTP traces URL for an endpoint, per the OTLP exporter specification (`<base>/v1/traces`). */
export function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

/**
 * The tracing of a process, or undefined when no endpoint is configured. The SDK is loaded only then: a process
 * that does not trace does not carry it (about 20 MB of resident memory).
 */
export async function createTracing(options: TracingOptions): Promise<Tracing | undefined> {
  const endpoint = options.otlpEndpoint;
  if (endpoint === null) return undefined;
  const [
    { W3CTraceContextPropagator },
    { OTLPTraceExporter },
    { defaultResource, resourceFromAttributes },
    sdk,
  ] = await Promise.all([
    import('@opentelemetry/core'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-trace-base'),
  ]);
  const { BasicTracerProvider, BatchSpanProcessor } = sdk;
  const exporter = new OTLPTraceExporter({ url: tracesUrl(endpoint), timeoutMillis: 5000 });

  const provider = new BasicTracerProvider({
    // The SDK's own attributes (telemetry.sdk.*), then ours; the environment's override ours, and
    // OTEL_SERVICE_NAME overrides a service.name in OTEL_RESOURCE_ATTRIBUTES, as the specification orders them.
    resource: defaultResource().merge(
      resourceFromAttributes({
        'service.name': SERVICE_NAME,
        ...options.resourceAttributes,
        ...(options.serviceName ? { 'service.name': options.serviceName } : {}),
      }),
    ),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer(SERVICE_NAME);
  const propagator = new W3CTraceContextPropagator();

  let stopping: Promise<void> | undefined;
  return {
    startOperation(headers) {
      const parent = propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
      return new Operation(tracer, propagator, parent, options.spanNameWithOperationName ?? false);
    },
    shutdown: () =>
      (stopping ??= Promise.race([
        provider.shutdown().catch(() => undefined),
        new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_FLUSH_MS).unref()),
      ])),
  };
}

class Operation implements OperationTrace {
  readonly traceId: string;
  readonly upstreamHeaders: Readonly<Record<string, string>>;
  readonly #tracer: Tracer;
  readonly #span: Span;
  readonly #context: OtelContext;
  readonly #nameWithOperationName: boolean;
  #ended = false;

  constructor(
    tracer: Tracer,
    propagator: W3CTraceContextPropagator,
    parent: OtelContext,
    nameWithOperationName: boolean,
  ) {
    this.#tracer = tracer;
    this.#nameWithOperationName = nameWithOperationName;
    this.#span = tracer.startSpan(UNKNOWN_OPERATION, { kind: SpanKind.SERVER }, parent);
    this.#context = trace.setSpan(parent, this.#span);
    this.traceId = this.#span.spanContext().traceId;
    const carrier: Record<string, string> = {};
    propagator.inject(this.#context, carrier, defaultTextMapSetter);
    this.upstreamHeaders = Object.freeze(carrier);
  }

  recordUpstreamCall(event: UpstreamCallEvent): void {
    const end = performance.timeOrigin + performance.now();
    const attributes: Record<string, string | number> = {
      'http.request.method': event.method,
      'url.template': event.route.slice(event.route.indexOf(' ') + 1),
      'zoho.operation': event.operationId,
    };
    if (event.attempt > 1) attributes['http.request.resend_count'] = event.attempt - 1;
    if (event.status !== undefined) attributes['http.response.status_code'] = event.status;
    const failed = event.status === undefined || event.status >= 400;
    if (failed)
      attributes['error.type'] =
        event.status === undefined ? (event.error ?? 'network') : String(event.status);
    const span = this.#tracer.startSpan(
      event.route,
      { kind: SpanKind.CLIENT, startTime: end - event.durationMs, attributes },
      this.#context,
    );
    if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(end);
  }

  end(outcome?: OperationOutcome): void {
    if (this.#ended) return;
    this.#ended = true;
    const span = this.#span;
    if (!outcome) {
      // The response closed before Apollo finished it: the client went away.
      span.setAttribute('error.type', 'CLIENT_CLOSED');
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: 'response closed before the operation finished',
      });
      span.end();
      return;
    }
    const { operationName, operationType, errorCodes } = outcome;
    span.updateName(
      !operationType
        ? UNKNOWN_OPERATION
        : this.#nameWithOperationName && operationName
          ? `${operationType} ${operationName}`
          : operationType,
    );
    if (operationName !== null) span.setAttribute('graphql.operation.name', operationName);
    if (operationType) span.setAttribute('graphql.operation.type', operationType);
    if (errorCodes.length > 0) {
      // Our codes are few and fixed, so even their combinations keep error.type low in cardinality.
      const codes = [...new Set(errorCodes)].sort();
      span.setAttribute('graphql.error.codes', codes);
      span.setAttribute('error.type', codes.join(','));
      span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
    }
    span.end();
  }
}
