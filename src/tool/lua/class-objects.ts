/**
 * Lua source run once the song API is installed: Renoise's API classes
 * (`renoise.Song`, `renoise.Track`, ...) are luabind class objects, so
 * `type(renoise.Song) == "Song class"` while `type(renoise.song()) == "Song"`.
 * The constant tables the bindings install become those class objects; the
 * classes without constants get an empty one. `renoise.Song` also carries
 * Renoise's song constants (sub-column types, the instrument limit).
 *
 * @internal
 */
export const CLASS_OBJECTS_LUA = String.raw`
local setmetatable, getmetatable, rawget, rawset, type = setmetatable, getmetatable, rawget, rawset, type
local names = {
  "Song", "SongPos", "Transport", "PatternSequencer", "Track", "GroupTrack", "AudioDevice", "DeviceParameter",
  "Pattern", "PatternTrack", "PatternLine", "NoteColumn", "EffectColumn", "PatternTrackAutomation",
  "PatternIterator", "Instrument", "InstrumentPhrase", "InstrumentMacro", "InstrumentTriggerOptions",
  "Sample", "SampleBuffer", "SampleMapping", "SampleModulationSet", "SampleDeviceChain",
}
for _, name in ipairs(names) do
  local c = rawget(renoise, name)
  if c == nil then
    c = {}
    rawset(renoise, name, c)
  end
  if type(c) == "table" and getmetatable(c) == nil then
    setmetatable(c, { __luabind_classname = name })
  end
end
local song_constants = {
  SUB_COLUMN_NOTE = 1, SUB_COLUMN_INSTRUMENT = 2, SUB_COLUMN_VOLUME = 3, SUB_COLUMN_PANNING = 4,
  SUB_COLUMN_DELAY = 5, SUB_COLUMN_SAMPLE_EFFECT_NUMBER = 6, SUB_COLUMN_SAMPLE_EFFECT_AMOUNT = 7,
  SUB_COLUMN_EFFECT_NUMBER = 8, SUB_COLUMN_EFFECT_AMOUNT = 9, MAX_NUMBER_OF_INSTRUMENTS = 255,
}
local Song = rawget(renoise, "Song")
if Song ~= nil and (getmetatable(Song) or {}).__luabind_classname == "Song" then
  for k, v in pairs(song_constants) do
    if rawget(Song, k) == nil then rawset(Song, k, v) end
  end
end
`;
