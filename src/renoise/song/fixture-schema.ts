const valueOrText = { oneOf: [{ type: "number" }, { type: "string" }] } as const;

/** The track details the tracks module reads (track-fixture.ts). */
const trackDetailsSchema = {
  devices: {
    description: "Devices after the mixer: a path or name (\"Gainer\"), or {device, display_name, active, maximized, parameters}.",
    type: "array",
    items: {
      oneOf: [
        { type: "string" },
        {
          type: "object",
          additionalProperties: false,
          required: ["device"],
          properties: {
            device: { type: "string" },
            display_name: { type: "string" },
            active: { type: "boolean" },
            maximized: { type: "boolean" },
            parameters: { type: "object", additionalProperties: valueOrText },
          },
        },
      ],
    },
  },
  mute: { enum: ["active", "off", "muted"] },
  solo: { type: "boolean" },
  color: { type: "array", minItems: 3, maxItems: 3, items: { type: "integer", minimum: 0, maximum: 255 } },
  output_delay: { type: "number", minimum: -100, maximum: 100 },
  volume: valueOrText,
  panning: valueOrText,
  width: valueOrText,
} as const;

/** JSON Schema of a {@link SongFixture} (the `song` of scenario files). */
export const songFixtureSchema = {
  type: "object",
  additionalProperties: false,
  description: "The song: what is left out is as in a new Renoise song (docs/song.md).",
  properties: {
    name: { type: "string" },
    artist: { type: "string" },
    comments: { type: "array", items: { type: "string" } },
    file_name: { type: "string" },
    tool_data: { type: "string" },
    bpm: { type: "number", minimum: 32, maximum: 999 },
    lpb: { type: "integer", minimum: 1, maximum: 256 },
    tpl: { type: "integer", minimum: 1, maximum: 16 },
    tracks: {
      description: "Sequencer (group, send) tracks before the master: a count or a list of names / {name, type, ...}.",
      oneOf: [
        { type: "integer", minimum: 1 },
        {
          type: "array",
          minItems: 1,
          items: {
            oneOf: [
              { type: "string" },
              {
                type: "object",
                additionalProperties: false,
                properties: {
                  name: { type: "string" },
                  type: { enum: ["sequencer", "group", "send"] },
                  ...trackDetailsSchema,
                },
              },
            ],
          },
        },
      ],
    },
    patterns: {
      description: "A count of 64-line patterns, or each pattern's line count.",
      oneOf: [
        { type: "integer", minimum: 1, maximum: 1000 },
        { type: "array", minItems: 1, items: { type: "integer", minimum: 1, maximum: 512 } },
      ],
    },
    sequence: { type: "array", minItems: 1, items: { type: "integer", minimum: 1, maximum: 1000 } },
    instruments: {
      oneOf: [
        { type: "integer", minimum: 1 },
        { type: "array", minItems: 1, items: { type: "string" } },
      ],
    },
  },
} as const;
