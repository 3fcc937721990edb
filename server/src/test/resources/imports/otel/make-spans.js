// Writes OTLP JSON GenAI spans with the OpenTelemetry JS SDK's own span classes and OTLP JSON serializer
// (the code the OTLP/HTTP JSON exporter sends), one ExportTraceServiceRequest a line, as the collector's file
// exporter writes them.
const { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base');
const { JsonTraceSerializer } = require('@opentelemetry/otlp-transformer');
const { resourceFromAttributes } = require('@opentelemetry/resources');
const fs = require('fs');

function batch(serviceName, spans) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('promptwise-fixture');
  for (const s of spans) {
    const start = new Date(s.start);
    const span = tracer.startSpan('chat ' + s.model, { startTime: start, attributes: s.attributes });
    span.end(new Date(start.getTime() + 800));
  }
  return Buffer.from(JsonTraceSerializer.serializeRequest(exporter.getFinishedSpans())).toString('utf8');
}

// Day one: three current-convention spans of gpt-4o-mini, one of them with cached input.
const day1 = batch('support-api', [
  { start: '2026-11-02T09:00:00Z', model: 'gpt-4o-mini', attributes: {
      'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'openai', 'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.usage.input_tokens': 130, 'gen_ai.usage.output_tokens': 4 } },
  { start: '2026-11-02T13:30:00Z', model: 'gpt-4o-mini', attributes: {
      'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'openai', 'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.usage.input_tokens': 150, 'gen_ai.usage.output_tokens': 6, 'gen_ai.usage.cache_read.input_tokens': 64 } },
  { start: '2026-11-02T23:59:00Z', model: 'gpt-4o-mini', attributes: {
      'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'openai', 'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.usage.input_tokens': 110, 'gen_ai.usage.output_tokens': 5 } },
]);
// Day three: older spellings (gen_ai.system, prompt/completion tokens) and a span of another model and service.
const day3 = batch('support-api', [
  { start: '2026-11-04T08:15:00Z', model: 'gpt-4o-mini', attributes: {
      'gen_ai.system': 'openai', 'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.usage.prompt_tokens': 142, 'gen_ai.usage.completion_tokens': 5 } },
  { start: '2026-11-04T10:00:00Z', model: 'gpt-4o', attributes: {
      'gen_ai.system': 'openai', 'gen_ai.request.model': 'gpt-4o',
      'gen_ai.usage.prompt_tokens': 2000, 'gen_ai.usage.completion_tokens': 300 } },
]);
const other = batch('billing-batch', [
  { start: '2026-11-03T12:00:00Z', model: 'gpt-4o-mini', attributes: {
      'gen_ai.provider.name': 'openai', 'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.usage.input_tokens': 900, 'gen_ai.usage.output_tokens': 90 } },
]);
fs.writeFileSync('spans.jsonl', [day1, other, day3].join('\n') + '\n');
console.log('wrote spans.jsonl');
