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
                properties: { name: { type: "string" }, type: { enum: ["sequencer", "group", "send"] } },
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
