import { songFixtureSchema } from "../renoise/song/fixture-schema.js";

/** JSON Schema (draft 2020-12) of scenario files; docs/scenario.schema.json is generated from it. */
const num = { type: "number", minimum: 0 } as const;
const step = {
  oneOf: [
    { type: "object", required: ["send"], additionalProperties: false, properties: { send: { type: "string", description: "Text, sent as UTF-8 bytes." } } },
    { type: "object", required: ["sendHex"], additionalProperties: false, properties: { sendHex: { type: "string", pattern: "^([0-9a-fA-F]{2}|\\s)*$", description: "Raw bytes as hex pairs." } } },
    { type: "object", required: ["wait"], additionalProperties: false, properties: { wait: { ...num, description: "Virtual ms to wait." } } },
    {
      type: "object",
      required: ["receive"],
      additionalProperties: false,
      properties: {
        receive: { oneOf: [{ enum: ["*line", "*l", "*all"] }, { type: "integer", minimum: 1 }] },
        timeout: { ...num, description: "Default 1000." },
        expect: { type: "string", description: "Text the peer must receive; a mismatch fails the run." },
      },
    },
    { type: "object", required: ["close"], additionalProperties: false, properties: { close: { const: true } } },
    { type: "object", required: ["reset"], additionalProperties: false, properties: { reset: { const: true } } },
  ],
} as const;

export const scenarioSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://renoise-sim.invalid/scenario.schema.json",
  title: "renoise-sim scenario",
  type: "object",
  additionalProperties: false,
  properties: {
    $schema: { type: "string" },
    description: { type: "string" },
    tool: { type: "string", description: "Tool folder or .lua script, relative to this file (for renoise-sim replay)." },
    seed: { type: "integer", description: "Seed of the simulation. Default 1." },
    until: { ...num, description: "Run until this virtual time (ms). Default: until the network is quiet." },
    song: songFixtureSchema,
    network: {
      type: "object",
      additionalProperties: false,
      properties: { latency: num, loopbackLatency: num },
    },
    hosts: {
      type: "array",
      items: {
        type: "object",
        required: ["name"],
        additionalProperties: false,
        properties: {
          name: { type: "string" },
          address: { type: "string", description: "IPv4; default 10.0.0.x." },
          aliases: { type: "array", items: { type: "string" } },
          responder: {
            oneOf: [
              {
                type: "object",
                required: ["kind"],
                additionalProperties: false,
                properties: {
                  kind: { const: "http" },
                  port: { type: "integer", minimum: 1 },
                  status: { type: "integer" },
                  body: { type: "string" },
                  contentType: { type: "string" },
                },
              },
              {
                type: "object",
                required: ["kind", "port"],
                additionalProperties: false,
                properties: { kind: { const: "echo" }, port: { type: "integer", minimum: 1 }, protocol: { enum: ["tcp", "udp"] } },
              },
              {
                type: "object",
                required: ["kind", "port"],
                additionalProperties: false,
                properties: { kind: { const: "line-echo" }, port: { type: "integer", minimum: 1 }, prefix: { type: "string" } },
              },
            ],
          },
        },
      },
    },
    peers: {
      type: "array",
      items: {
        type: "object",
        required: ["host", "connect"],
        additionalProperties: false,
        properties: {
          host: { type: "string", description: "Host the peer runs on (added if missing)." },
          connect: { type: "string", pattern: "^[^:\\s]+:\\d+$", description: '"host:port"; the tool host is "renoise".' },
          protocol: { enum: ["tcp", "udp"] },
          at: num,
          timeout: { type: "number", minimum: 1 },
          steps: { type: "array", items: step },
        },
      },
    },
    faults: {
      type: "array",
      items: {
        type: "object",
        required: ["fault"],
        additionalProperties: false,
        properties: {
          fault: { type: "string", description: 'A sim.faults method ("partition", "reset", ...) or "conditions.<method>".' },
          args: { type: "array", description: "Arguments of that method, as in TypeScript." },
          at: num,
          until: num,
        },
      },
    },
  },
} as const;
