import { songFixtureSchema } from "../renoise/song/fixture-schema.js";

/**
 * JSON Schema (draft 2020-12) of scenario files: the one source of truth.
 * docs/scenario.schema.json is generated from it (a spec checks they are
 * equal), and the CLI validates every file with ajv against it. Nodes may
 * carry "x-expected": what the field must be, in words, for error messages
 * (an annotation other validators ignore).
 */
const num = { type: "number", minimum: 0 } as const;
const port = { type: "integer", minimum: 1, maximum: 65535 } as const;
const PORT_RE = "([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";

/** sim.faults methods a scenario may call. */
export const FAULTS = ["partition", "heal", "hold", "blackhole", "crash", "reset", "closeByPeer", "halfOpen", "serverError", "cutStream"] as const;
/** sim.conditions methods a scenario may call (prefixed "conditions."). */
export const CONDITIONS = ["latency", "bandwidth", "udp", "streamCut", "tcp"] as const;

const STEP_ACTIONS = ["send", "sendHex", "wait", "receive", "close", "reset"] as const;

const step = {
  type: "object",
  additionalProperties: false,
  "x-expected": `an object with exactly one of ${STEP_ACTIONS.join(", ")}`,
  properties: {
    send: { type: "string", description: "Text, sent as UTF-8 bytes." },
    sendHex: { type: "string", pattern: "^\\s*([0-9a-fA-F]{2}\\s*)*$", "x-expected": 'pairs of hex digits, e.g. "00 ff 7f"', description: "Raw bytes as hex pairs." },
    wait: { ...num, description: "Virtual ms to wait." },
    receive: {
      "x-expected": '"*line", "*l", "*all" or a byte count > 0',
      oneOf: [{ enum: ["*line", "*l", "*all"] }, { type: "integer", minimum: 1 }],
    },
    timeout: { ...num, description: "Receive timeout in virtual ms. Default 1000. Only with receive." },
    expect: { type: "string", description: "Text the peer must receive; a mismatch fails the run. Only with receive." },
    close: { const: true },
    reset: { const: true },
  },
  oneOf: STEP_ACTIONS.map((a) => ({ required: [a] })),
  dependentRequired: { timeout: ["receive"], expect: ["receive"] },
} as const;

const responder = {
  type: "object",
  required: ["kind"],
  "x-expected": 'a responder: {"kind": "http" | "echo" | "line-echo", ...}',
  discriminator: { propertyName: "kind" },
  oneOf: [
    {
      type: "object",
      additionalProperties: false,
      properties: {
        kind: { const: "http" },
        port: { ...port, description: "Default 80." },
        status: { type: "integer", minimum: 100, maximum: 999 },
        body: { type: "string" },
        contentType: { type: "string" },
      },
    },
    {
      type: "object",
      required: ["port"],
      additionalProperties: false,
      properties: { kind: { const: "echo" }, port, protocol: { enum: ["tcp", "udp"] } },
    },
    {
      type: "object",
      required: ["port"],
      additionalProperties: false,
      properties: { kind: { const: "line-echo" }, port, prefix: { type: "string" } },
    },
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
    seed: { type: "integer", minimum: -9007199254740991, maximum: 9007199254740991, description: "Seed of the simulation. Default 1." },
    until: { ...num, description: "Run until this virtual time (ms). Default: until the network is quiet." },
    song: songFixtureSchema,
    network: {
      type: "object",
      additionalProperties: false,
      properties: { latency: num, loopbackLatency: num },
    },
    oscServer: {
      type: "object",
      additionalProperties: false,
      description: "Enable Renoise's built-in OSC server on the Renoise host (off when absent).",
      properties: {
        protocol: { enum: ["udp", "tcp"], description: "Default udp." },
        port: { ...port, description: "Default 8000." },
        actions: { type: "string", description: "A user's global OSC actions file replacing the built-in message set." },
      },
    },
    semantics: {
      type: "object",
      additionalProperties: false,
      description: "Modelled choices of the double (docs/semantics.md).",
      properties: {
        udpDummyCanSend: { type: "boolean", description: "R18: may a UDP server reply through the socket passed to socket_message. Default false." },
        connectionWrappers: { enum: ["fresh", "stable"], description: "R25: a new wrapper per callback (default) or one per connection." },
        unnamedSocket: {
          enum: ["nil", "wrapper"],
          description: "R25: a Lua socket_message callback that never names its socket parameter gets nil there (default) or a wrapper.",
        },
        onCallbackError: { enum: ["throw", "record"], description: "R26: a raising callback fails the run (default) or is only recorded." },
      },
    },
    preferences: {
      type: "object",
      description: "Values the user saved earlier, set into renoise.tool().preferences when the tool assigns it.",
      additionalProperties: { type: ["boolean", "number", "string"] },
    },
    invoke: {
      type: "array",
      description: "Menu entries and keybindings of the tool to invoke, at virtual times.",
      items: {
        type: "object",
        additionalProperties: false,
        "x-expected": 'an object with exactly one of menu, keybinding (and "at")',
        properties: {
          menu: { type: "string", description: 'Full menu entry name, e.g. "Main Menu:Tools:My Tool:Connect".' },
          keybinding: { type: "string", description: "Full keybinding name." },
          at: { ...num, description: "Virtual time (ms). Default 0." },
        },
        oneOf: [{ required: ["menu"] }, { required: ["keybinding"] }],
      },
    },
    hosts: {
      type: "array",
      items: {
        type: "object",
        required: ["name"],
        additionalProperties: false,
        properties: {
          name: { type: "string", minLength: 1 },
          address: { type: "string", description: "IPv4; default 10.0.0.x." },
          aliases: { type: "array", items: { type: "string" } },
          responder,
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
          host: {
            type: "string",
            minLength: 1,
            description: 'Host the peer runs on (added if missing). The tool\'s own host ("renoise") runs it beside the tool; connect to "127.0.0.1:<port>" or "localhost:<port>" to reach the tool over loopback.',
          },
          connect: {
            type: "string",
            pattern: `^[^:\\s]+:${PORT_RE}$`,
            "x-expected": '"host:port" with a port from 1 to 65535',
            description: '"host:port"; the tool host is "renoise" (its LAN address), "127.0.0.1"/"localhost" is the peer\'s own host.',
          },
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
          fault: {
            enum: [...FAULTS, ...CONDITIONS.map((c) => `conditions.${c}`)],
            description: 'A sim.faults method ("partition", "reset", ...) or "conditions.<method>".',
          },
          args: { type: "array", description: "Arguments of that method, as in TypeScript." },
          at: num,
          until: num,
        },
      },
    },
  },
} as const;
