/**
 * renoise-sim's built-in "global OSC actions": the message set Renoise's
 * OSC server handles out of the box, written for the simulation as a Lua
 * script with the same contract as Renoise's own actions file. Renoise loads
 * that file and calls two globals:
 *
 * - `process_message(pattern, arguments)`: `pattern` is the address without
 *   the leading "/renoise"; `arguments` an array of `{ tag = "i", value = 1 }`.
 *   Returns true when handled, false when the message is rejected.
 * - `available_messages()`: `{ name = "/renoise/...", description = "...",
 *   arguments = { "number", ... } }` for every message.
 *
 * A user's own actions file (passed as `actions`) replaces this script
 * exactly as it replaces Renoise's: it must define the same two globals.
 *
 * The realtime triggers (`/renoise/trigger/note_on`, `note_off`, `midi`) never
 * reach this script; `server.ts` handles them, as Renoise does internally.
 */
export const BUILTIN_OSC_ACTIONS_LUA = String.raw`
-- renoise-sim built-in OSC actions (see src/renoise/osc-server/builtin-actions.ts)

local song = renoise.song

-- Registries: exact global patterns, and per scope ("track", "instrument",
-- "device") the action name after the index part of the address.
local registry = { global = {}, track = {}, device = {}, instrument = {} }
local listing = {}

local function register(scope, name, params, description, run)
  local r = registry[scope]
  assert(r ~= nil, "unknown OSC action scope " .. tostring(scope))
  assert(r[name] == nil, "OSC action registered twice: " .. scope .. " " .. name)
  r[name] = { params = params, run = run }
  local prefix = ({ global = "", track = "/song/track/XXX",
    device = "/song/track/XXX/device/XXX", instrument = "/song/instrument/XXX" })[scope]
  listing[#listing + 1] = { name = "/renoise" .. prefix .. name,
    description = description, arguments = params }
end

-- Converts an OSC value to the Lua type an action expects; nil when it can't.
local function as_type(value, wanted)
  local have = type(value)
  if have == wanted then return value end
  if wanted == "string" then
    if value == nil then return nil end
    return tostring(value)
  elseif wanted == "number" then
    return tonumber(value)
  elseif wanted == "boolean" then
    local n = tonumber(value)
    if n ~= nil then
      if n == 1 then return true elseif n == 0 then return false end
      return nil
    end
    if have == "string" then
      local s = value:lower()
      if s == "true" then return true elseif s == "false" then return false end
    end
  end
  return nil
end

local function clamp(v, lo, hi)
  if v < lo then return lo elseif v > hi then return hi end
  return v
end

local function transport() return song().transport end
local function sequence_length() return #song().sequencer.pattern_sequence end

-- Tracks that have the mixer parameters the track actions touch:
-- sequencer tracks, the master and the send tracks (group tracks too).
local function track_at(index)
  local tracks = song().tracks
  if index >= 1 and index <= #tracks then return tracks[index] end
  return nil
end

local function set_mixer(index, name, value)
  local track = track_at(index)
  if track == nil then return end
  local p = track[name]
  p.value = clamp(value, p.value_min, p.value_max)
end

local function instrument_at(index)
  local instruments = song().instruments
  if index >= 1 and index <= #instruments then return instruments[index] end
  return nil
end

local function device_at(track_index, device_index)
  local track = track_at(track_index)
  if track == nil then return nil end
  local devices = track.devices
  if device_index >= 1 and device_index <= #devices then return devices[device_index] end
  return nil
end

local function set_normalized(p, value)
  local v = p.value_min + value * (p.value_max - p.value_min)
  p.value = clamp(v, p.value_min, p.value_max)
end

------------------------------------------------------------------------------
-- global actions

register("global", "/evaluate", { "string" },
  "Evaluate a Lua expression in a sandbox with renoise, math, string and table",
  function(expression)
    local sandbox = {
      _VERSION = _VERSION, math = table.rcopy(math), string = table.rcopy(string),
      table = table.rcopy(table), renoise = renoise,
      assert = assert, error = error, ipairs = ipairs, next = next, pairs = pairs,
      pcall = pcall, print = print, select = select, tonumber = tonumber,
      tostring = tostring, type = type, unpack = unpack, xpcall = xpcall,
    }
    local chunk, problem = loadstring(expression)
    if chunk == nil then
      print(("*** OSC /renoise/evaluate: could not compile: %s"):format(problem))
      return
    end
    setfenv(chunk, sandbox)
    local ok, err = pcall(chunk)
    if not ok then
      print(("*** OSC /renoise/evaluate: failed: %s"):format(tostring(err)))
    end
  end)

register("global", "/transport/panic", {}, "Stop playback and silence everything",
  function() transport():panic() end)
register("global", "/transport/start", {}, "Start playback, restarting the current pattern",
  function() transport():start(renoise.Transport.PLAYMODE_RESTART_PATTERN) end)
register("global", "/transport/continue", {}, "Continue playback from the current position",
  function() transport():start(renoise.Transport.PLAYMODE_CONTINUE_PATTERN) end)
register("global", "/transport/stop", {}, "Stop playback",
  function() transport():stop() end)
register("global", "/transport/loop/pattern", { "boolean" }, "Loop the current pattern on or off",
  function(on) transport().loop_pattern = on end)
register("global", "/transport/loop/block", { "boolean" }, "Block loop on or off",
  function(on) transport().loop_block_enabled = on end)
register("global", "/transport/loop/block_move_forwards", {}, "Move the block loop one block forwards",
  function() transport():loop_block_move_forwards() end)
register("global", "/transport/loop/block_move_backwards", {}, "Move the block loop one block backwards",
  function() transport():loop_block_move_backwards() end)
register("global", "/transport/loop/sequence", { "number", "number" },
  "Loop the sequence range [start, end] (sequence positions)",
  function(first, last)
    local len = sequence_length()
    local s = clamp(math.floor(first), 1, len)
    local e = clamp(math.floor(last), s, len)
    transport().loop_sequence_range = { s, e }
  end)

register("global", "/song/bpm", { "number" }, "Tempo in beats per minute [32 - 999]",
  function(v) transport().bpm = clamp(v, 32, 999) end)
register("global", "/song/lpb", { "number" }, "Lines per beat [1 - 256]",
  function(v) transport().lpb = clamp(math.floor(v), 1, 256) end)
register("global", "/song/tpl", { "number" }, "Ticks per line [1 - 16]",
  function(v) transport().tpl = clamp(math.floor(v), 1, 16) end)
register("global", "/song/edit/mode", { "boolean" }, "Edit mode on or off",
  function(on) transport().edit_mode = on end)
register("global", "/song/edit/octave", { "number" }, "Keyboard octave [0 - 8]",
  function(v) transport().octave = clamp(math.floor(v), 0, 8) end)
register("global", "/song/edit/step", { "number" }, "Edit step [0 - 64]",
  function(v) transport().edit_step = clamp(math.floor(v), 0, 64) end)
register("global", "/song/edit/pattern_follow", { "boolean" }, "Follow the player on or off",
  function(on) transport().follow_player = on end)
register("global", "/song/record/metronome", { "boolean" }, "Metronome on or off",
  function(on) transport().metronome_enabled = on end)
register("global", "/song/record/metronome_precount", { "boolean" }, "Metronome precount on or off",
  function(on) transport().metronome_precount_enabled = on end)
register("global", "/song/record/quantization", { "boolean" }, "Record quantization on or off",
  function(on) transport().record_quantize_enabled = on end)
register("global", "/song/record/quantization_step", { "number" }, "Record quantization in lines [1 - 32]",
  function(v) transport().record_quantize_lines = clamp(math.floor(v), 1, 32) end)
register("global", "/song/sequence/trigger", { "number" }, "Jump playback to a sequence position",
  function(v) transport():trigger_sequence(clamp(math.floor(v), 1, sequence_length())) end)
register("global", "/song/sequence/schedule_set", { "number" }, "Replace the scheduled sequence position",
  function(v) transport():set_scheduled_sequence(clamp(math.floor(v), 1, sequence_length())) end)
register("global", "/song/sequence/schedule_add", { "number" }, "Add a scheduled sequence position",
  function(v) transport():add_scheduled_sequence(clamp(math.floor(v), 1, sequence_length())) end)

local function slot_mute(muted)
  return function(track_index, sequence_index)
    track_index, sequence_index = math.floor(track_index), math.floor(sequence_index)
    if track_at(track_index) == nil then return end
    if sequence_index < 1 or sequence_index > sequence_length() then return end
    song().sequencer:set_track_sequence_slot_is_muted(track_index, sequence_index, muted)
  end
end
register("global", "/song/sequence/slot_mute", { "number", "number" },
  "Mute a slot of the pattern matrix (track, sequence position)", slot_mute(true))
register("global", "/song/sequence/slot_unmute", { "number", "number" },
  "Unmute a slot of the pattern matrix (track, sequence position)", slot_mute(false))

------------------------------------------------------------------------------
-- track actions: /song/track/XXX/<name>, XXX = index, -1 the selected track

register("track", "/prefx_volume", { "number" }, "Pre-FX volume [0 - db2lin(3)]",
  function(t, v) set_mixer(t, "prefx_volume", v) end)
register("track", "/prefx_volume_db", { "number" }, "Pre-FX volume in dB [-200 - 3]",
  function(t, v) set_mixer(t, "prefx_volume", math.db2lin(v)) end)
register("track", "/postfx_volume", { "number" }, "Post-FX volume [0 - db2lin(3)]",
  function(t, v) set_mixer(t, "postfx_volume", v) end)
register("track", "/postfx_volume_db", { "number" }, "Post-FX volume in dB [-200 - 3]",
  function(t, v) set_mixer(t, "postfx_volume", math.db2lin(v)) end)
register("track", "/prefx_panning", { "number" }, "Pre-FX panning [-50 - 50]",
  function(t, v) set_mixer(t, "prefx_panning", v / 100 + 0.5) end)
register("track", "/postfx_panning", { "number" }, "Post-FX panning [-50 - 50]",
  function(t, v) set_mixer(t, "postfx_panning", v / 100 + 0.5) end)
register("track", "/prefx_width", { "number" }, "Pre-FX stereo width [0 - 1]",
  function(t, v) set_mixer(t, "prefx_width", v) end)
register("track", "/output_delay", { "number" }, "Output delay in ms [-100 - 100]",
  function(t, v)
    local track = track_at(t)
    if track ~= nil then track.output_delay = clamp(v, -100, 100) end
  end)
register("track", "/mute", {}, "Mute the track",
  function(t) local track = track_at(t) if track ~= nil then track:mute() end end)
register("track", "/unmute", {}, "Unmute the track",
  function(t) local track = track_at(t) if track ~= nil then track:unmute() end end)
register("track", "/solo", {}, "Solo the track",
  function(t) local track = track_at(t) if track ~= nil then track:solo() end end)

------------------------------------------------------------------------------
-- device actions: /song/track/XXX/device/XXX/<name>

register("device", "/bypass", { "boolean" }, "Bypass a device (not the mixer device)",
  function(t, d, bypassed)
    if d < 2 then return end
    local device = device_at(t, d)
    if device ~= nil then device.is_active = not bypassed end
  end)
register("device", "/set_parameter_by_index", { "number", "number" },
  "Set a device parameter by index to a value in [0 - 1] of its range",
  function(t, d, index, value)
    local device = device_at(t, d)
    if device == nil then return end
    index = math.floor(index)
    local params = device.parameters
    if index >= 1 and index <= #params then set_normalized(params[index], value) end
  end)
register("device", "/set_parameter_by_name", { "string", "number" },
  "Set a device parameter by name (case-insensitive) to a value in [0 - 1] of its range",
  function(t, d, name, value)
    local device = device_at(t, d)
    if device == nil then return end
    local wanted = name:lower()
    for _, p in ipairs(device.parameters) do
      if p.name:lower() == wanted then set_normalized(p, value) return end
    end
  end)

------------------------------------------------------------------------------
-- instrument actions: /song/instrument/XXX/<name>, -1 the selected instrument

local function with_instrument(fn)
  return function(i, ...)
    local instrument = instrument_at(i)
    if instrument ~= nil then fn(instrument, ...) end
  end
end

register("instrument", "/volume", { "number" }, "Instrument volume [0 - db2lin(6)]",
  with_instrument(function(ins, v) ins.volume = clamp(v, 0, math.db2lin(6)) end))
register("instrument", "/volume_db", { "number" }, "Instrument volume in dB [-200 - 6]",
  with_instrument(function(ins, v) ins.volume = math.db2lin(clamp(v, -200, 6)) end))
register("instrument", "/transpose", { "number" }, "Instrument transpose in semitones [-120 - 120]",
  with_instrument(function(ins, v) ins.transpose = clamp(math.floor(v), -120, 120) end))
for m = 1, 8 do
  register("instrument", "/macro" .. m, { "number" }, "Macro " .. m .. " value [0 - 1]",
    with_instrument(function(ins, v) ins.macros[m].value = clamp(v, 0, 1) end))
end
register("instrument", "/monophonic", { "boolean" }, "Monophonic playback on or off",
  with_instrument(function(ins, on) ins.trigger_options.monophonic = on end))
register("instrument", "/monophonic_glide", { "number" }, "Glide amount when monophonic [0 - 255]",
  with_instrument(function(ins, v) ins.trigger_options.monophonic_glide = clamp(math.floor(v), 0, 255) end))

local phrase_modes = { off = "PHRASES_OFF", program = "PHRASES_PLAY_SELECTIVE", keymap = "PHRASES_PLAY_KEYMAP" }
register("instrument", "/phrase_playback", { "string" }, "Phrase playback: Off, Program or Keymap",
  with_instrument(function(ins, mode)
    local name = phrase_modes[mode:lower()]
    local m = name and renoise.Instrument[name]
    if m ~= nil then ins.phrase_playback_mode = m end
  end))
register("instrument", "/phrase_program", { "number" }, "Phrase program [0 - 127]",
  with_instrument(function(ins, v) ins.phrase_program = clamp(math.floor(v), 0, 127) end))

local quantize_modes = { none = 1, line = 2, beat = 3, bar = 4 }
register("instrument", "/quantize", { "string" }, "Trigger quantization: None, Line, Beat or Bar",
  with_instrument(function(ins, mode)
    local m = quantize_modes[mode:lower()]
    if m ~= nil then ins.trigger_options.quantize = m end
  end))

local keys = { "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B" }
register("instrument", "/scale_key", { "string" }, "Scale key: C, C#, ... B",
  with_instrument(function(ins, key)
    for i, k in ipairs(keys) do
      if k:lower() == key:lower() then ins.trigger_options.scale_key = i return end
    end
  end))
register("instrument", "/scale_mode", { "string" }, "Scale mode, one of the instrument's available scale modes",
  with_instrument(function(ins, mode)
    for _, m in ipairs(ins.trigger_options.available_scale_modes) do
      if m:lower() == mode:lower() then ins.trigger_options.scale_mode = m return end
    end
  end))

------------------------------------------------------------------------------
-- the interface Renoise calls

-- "/song/track/3/mute" -> scope, action name, index list
local function route(pattern)
  local entry = registry.global[pattern]
  if entry ~= nil then return entry, {} end
  local t, rest = pattern:match("^/song/track/(-?%d+)(/.+)$")
  if t ~= nil then
    t = tonumber(t)
    if t == -1 then t = song().selected_track_index end
    entry = registry.track[rest]
    if entry ~= nil then return entry, { t } end
    local d, action = rest:match("^/device/(-?%d+)(/.+)$")
    if d ~= nil then
      d = tonumber(d)
      if d == -1 then d = song().selected_device_index end
      entry = registry.device[action]
      if entry ~= nil then return entry, { t, d } end
    end
    return nil
  end
  local i, action = pattern:match("^/song/instrument/(-?%d+)(/.+)$")
  if i ~= nil then
    i = tonumber(i)
    if i == -1 then i = song().selected_instrument_index end
    entry = registry.instrument[action]
    if entry ~= nil then return entry, { i } end
  end
  return nil
end

-- Returns true when handled; false and the reason when rejected (Renoise
-- itself only looks at the boolean).
function process_message(pattern, arguments)
  local entry, values = route(pattern)
  if entry == nil then return false, "no action for /renoise" .. pattern end
  if #arguments ~= #entry.params then
    return false, ("/renoise%s expects %d argument(s), got %d"):format(pattern, #entry.params, #arguments)
  end
  for n, wanted in ipairs(entry.params) do
    local v = as_type(arguments[n].value, wanted)
    if v == nil then
      return false, ("argument %d of /renoise%s: %s (tag '%s') is not convertible to a %s"):format(
        n, pattern, tostring(arguments[n].value), tostring(arguments[n].tag), wanted)
    end
    values[#values + 1] = v
  end
  entry.run(unpack(values))
  return true
end

function available_messages()
  local out = {}
  for n, m in ipairs(listing) do
    local args = {}
    for k, a in ipairs(m.arguments) do args[k] = a end
    out[n] = { name = m.name, description = m.description, arguments = args }
  end
  return out
end
`;
