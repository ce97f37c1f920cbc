/**
 * renoise-sim's `GlobalMidiActions` module: Renoise's named MIDI-mappable
 * actions ("Transport:Playback:Start Playing [Trigger]" and the rest) acting
 * on the song. Tools `require "GlobalMidiActions"`; the module defines the
 * globals Renoise's own script defines:
 *
 * - `available_actions()`: the action names, in a stable order;
 * - `invoke_action(name, message)`: runs one action with a MIDI message in
 *   the shape of `renoise.ScriptingTool.MidiMessage` (`int_value`,
 *   `boolean_value`, `value_min_scaling`, `value_max_scaling` and the
 *   `is_trigger`/`is_switch`/`is_rel_value`/`is_abs_value` methods).
 *
 * Action kinds: `[Trigger]` runs when `message:is_trigger()`; `[Set]` sets a
 * boolean from `boolean_value` (switches) or a number from `int_value`
 * (absolute 0..127 scaled to the target's range, or relative: added);
 * `[Toggle]` flips a boolean on a trigger. Families with a number (`Track
 * #03`) exist for every track of the song at the time of the call. Window
 * and dialog actions are not modelled (see docs/builtin-osc.md).
 */
export const GLOBAL_MIDI_ACTIONS_LUA = String.raw`
-- GlobalMidiActions (renoise-sim; see src/renoise/osc-server/global-midi-actions.ts)

local song = renoise.song
local floor = math.floor

local fixed = {}      -- name -> handler(message)
local fixed_order = {}
local families = {}   -- { prefix, suffix, count(), handler(index, message) }

local function add(name, handler)
  assert(fixed[name] == nil, "MIDI action defined twice: " .. name)
  fixed[name] = handler
  fixed_order[#fixed_order + 1] = name
end

local function add_family(prefix, suffix, count, handler)
  families[#families + 1] = { prefix = prefix, suffix = suffix, count = count, handler = handler }
end

local function clamp(v, lo, hi)
  if v < lo then return lo elseif v > hi then return hi end
  return v
end

-- message helpers ------------------------------------------------------------

local function triggered(m) return m:is_trigger() end

-- An absolute 0..127 value as a fraction of the target range, honouring the
-- mapping's min/max scaling.
local function fraction(m)
  local lo, hi = m.value_min_scaling or 0, m.value_max_scaling or 1
  return lo + (clamp(m.int_value, 0, 127) / 127) * (hi - lo)
end

local function trigger(fn)
  return function(m) if triggered(m) then fn() end end
end

local function set_bool(get, set)
  return function(m)
    if m.boolean_value ~= nil and (m:is_switch() or m:is_abs_value() or m:is_rel_value()) then
      set(m.boolean_value)
    end
  end
end

local function toggle(get, set)
  return function(m) if triggered(m) then set(not get()) end end
end

local function set_int(range, get, set)
  return function(m)
    if m.int_value == nil then return end
    local lo, hi = range()
    if hi < lo then return end
    if m:is_abs_value() then
      set(clamp(floor(lo + fraction(m) * (hi - lo) + 0.5), lo, hi))
    elseif m:is_rel_value() then
      set(clamp(get() + m.int_value, lo, hi))
    end
  end
end

local function set_parameter(find)
  return function(m)
    if m.int_value == nil then return end
    local p = find()
    if p == nil then return end
    local lo, hi = p.value_min, p.value_max
    if m:is_abs_value() then
      p.value = clamp(lo + fraction(m) * (hi - lo), lo, hi)
    elseif m:is_rel_value() then
      p.value = clamp(p.value + m.int_value / 127 * (hi - lo), lo, hi)
    end
  end
end

local function fixed_range(lo, hi) return function() return lo, hi end end
local function t() return song().transport end
local function seq_count() return #song().sequencer.pattern_sequence end
local function step(get, set, lo, hi, by)
  return trigger(function() set(clamp(get() + by, lo, hi)) end)
end

-- transport ------------------------------------------------------------------

local function playing() return t().playing end
local function set_playing(on)
  if on then t():start(renoise.Transport.PLAYMODE_RESTART_PATTERN) else t():stop() end
end

add("Transport:Playback:Panic [Trigger]", trigger(function() t():panic() end))
add("Transport:Playback:Start Playing [Trigger]",
  trigger(function() t():start(renoise.Transport.PLAYMODE_RESTART_PATTERN) end))
add("Transport:Playback:Continue Playing [Trigger]",
  trigger(function() t():start(renoise.Transport.PLAYMODE_CONTINUE_PATTERN) end))
add("Transport:Playback:Stop Playing [Trigger]", trigger(function() t():stop() end))
add("Transport:Playback:Start/Stop Playing [Set]", set_bool(playing, set_playing))
add("Transport:Playback:Start/Stop Playing [Toggle]", toggle(playing, set_playing))

local function transport_bool(name, label)
  local get = function() return t()[name] end
  local set = function(v) t()[name] = v end
  add(label .. " [Set]", set_bool(get, set))
  add(label .. " [Toggle]", toggle(get, set))
end
transport_bool("loop_pattern", "Transport:Playback:Loop Pattern")
transport_bool("loop_block_enabled", "Transport:Playback:Loop Block")
transport_bool("follow_player", "Transport:Playback:Follow Player")
transport_bool("metronome_enabled", "Transport:Record:Metronome Enabled")
transport_bool("metronome_precount_enabled", "Transport:Record:Metronome Precount Enabled")
transport_bool("record_quantize_enabled", "Transport:Record:Quantization Enabled")
transport_bool("groove_enabled", "Transport:Song:Shuffle Enabled")
transport_bool("edit_mode", "Transport:Edit:Edit Mode")
transport_bool("single_track_edit_mode", "Transport:Edit:Single Track Edit Mode")
transport_bool("wrapped_pattern_edit", "Transport:Edit:Patternwrap Mode")

add("Transport:Playback:Loop Block Range [Set]", set_int(fixed_range(2, 16),
  function() return t().loop_block_range_coeff end, function(v) t().loop_block_range_coeff = v end))
add("Transport:Playback:Move Loop Block Backwards [Trigger]", trigger(function() t():loop_block_move_backwards() end))
add("Transport:Playback:Move Loop Block Forwards [Trigger]", trigger(function() t():loop_block_move_forwards() end))

add("Transport:Record:Undo Last Action [Trigger]", trigger(function() song():undo() end))
add("Transport:Record:Redo Last Action [Trigger]", trigger(function() song():redo() end))

local function transport_int(name, label, lo, hi, by)
  local get = function() return t()[name] end
  local set = function(v) t()[name] = v end
  add(label .. " [Set]", set_int(fixed_range(lo, hi), get, set))
  if by then
    local _, _, group, what = label:find("^(.*):([^:]+)$")
    add(group .. ":Decrease " .. what .. " [Trigger]", step(get, set, lo, hi, -by))
    add(group .. ":Increase " .. what .. " [Trigger]", step(get, set, lo, hi, by))
  end
end
transport_int("record_quantize_lines", "Transport:Record:Quantization Amount", 1, 32, 1)
transport_int("bpm", "Transport:Song:BPM", 32, 999, 1)
transport_int("lpb", "Transport:Song:LPB", 1, 256, 1)
transport_int("tpl", "Transport:Song:TPL", 1, 16, 1)
transport_int("edit_step", "Transport:Edit:Edit Mode Step", 0, 64, 1)
transport_int("octave", "Transport:Edit:Octave", 0, 8, 1)

add("Transport:Record:Parameter Record Mode [Set]", set_bool(
  function() return t().record_parameter_mode == renoise.Transport.RECORD_PARAMETER_MODE_AUTOMATION end,
  function(on)
    t().record_parameter_mode = on and renoise.Transport.RECORD_PARAMETER_MODE_AUTOMATION
      or renoise.Transport.RECORD_PARAMETER_MODE_PATTERN
  end))

-- sequence triggering ----------------------------------------------------------

local function current_seq() return song().selected_sequence_index end
add("Seq. Triggering:Trigger:Current [Trigger]", trigger(function() t():trigger_sequence(current_seq()) end))
add("Seq. Triggering:Schedule:Current [Trigger]", trigger(function() t():set_scheduled_sequence(current_seq()) end))
add("Seq. Triggering:Add Scheduled:Current [Trigger]", trigger(function() t():add_scheduled_sequence(current_seq()) end))
local function seq_range() return 1, seq_count() end
add("Seq. Triggering:Trigger:Sequence XX [Set]", set_int(seq_range, current_seq,
  function(v) t():trigger_sequence(v) end))
add("Seq. Triggering:Schedule:Sequence XX [Set]", set_int(seq_range, current_seq,
  function(v) t():set_scheduled_sequence(v) end))
add("Seq. Triggering:Add Scheduled:Sequence XX [Set]", set_int(seq_range, current_seq,
  function(v) t():add_scheduled_sequence(v) end))

-- tracks -------------------------------------------------------------------------

local function sequencer_tracks() return song().sequencer_track_count end
local function send_count() return song().send_track_count end
local function master_index()
  for i, track in ipairs(song().tracks) do
    if track.type == renoise.Track.TRACK_TYPE_MASTER then return i end
  end
  return nil
end
local function send_track(n)
  local m = master_index()
  if m == nil or n < 1 or n > send_count() then return nil end
  return song().tracks[m + n]
end
local function seq_track(n)
  if n < 1 or n > #song().tracks then return nil end
  return song().tracks[n]
end

local function is_muted(track)
  return track.mute_state ~= renoise.Track.MUTE_STATE_ACTIVE
end
local function can_solo(track)
  return track ~= nil and track.type ~= renoise.Track.TRACK_TYPE_MASTER
end
local function set_muted(track, on)
  if track == nil or track.type == renoise.Track.TRACK_TYPE_MASTER then return end
  if on then track:mute() else track:unmute() end
end

add("Track Muting:Mute All [Trigger]", trigger(function()
  for _, track in ipairs(song().tracks) do set_muted(track, true) end
end))
add("Track Muting:Unmute All [Trigger]", trigger(function()
  for _, track in ipairs(song().tracks) do set_muted(track, false) end
end))
local function current_track() return song().selected_track end
add("Track Muting:Mute/Unmute:Current Track [Set]", set_bool(
  function() return is_muted(current_track()) end, function(on) set_muted(current_track(), on) end))
add("Track Muting:Mute/Unmute:Current Track [Toggle]", toggle(
  function() return is_muted(current_track()) end, function(on) set_muted(current_track(), on) end))
add("Track Muting:Solo:Current Track [Trigger]", trigger(function()
  if can_solo(current_track()) then current_track():solo() end
end))

add_family("Track Muting:Mute/Unmute:Track XX [Set]:Track #", " [Set]", function() return #song().tracks end,
  function(i, m)
    local track = seq_track(i)
    if track then set_bool(function() return is_muted(track) end, function(on) set_muted(track, on) end)(m) end
  end)
add_family("Track Muting:Solo:Track XX:Track #", " [Trigger]", function() return #song().tracks end,
  function(i, m) local track = seq_track(i) if can_solo(track) and triggered(m) then track:solo() end end)
add_family("Track Muting:Mute/Unmute:Send Track XX [Set]:Send Track #", " [Set]", send_count,
  function(i, m)
    local track = send_track(i)
    if track then set_bool(function() return is_muted(track) end, function(on) set_muted(track, on) end)(m) end
  end)
add_family("Track Muting:Solo:Send Track XX:Send Track #", " [Trigger]", send_count,
  function(i, m) local track = send_track(i) if can_solo(track) and triggered(m) then track:solo() end end)

local levels = {
  { "Volume", "(Pre)", "prefx_volume" }, { "Volume", "(Post)", "postfx_volume" },
  { "Panning", "(Pre)", "prefx_panning" }, { "Panning", "(Post)", "postfx_panning" },
}
for _, l in ipairs(levels) do
  local kind, when, prop = l[1], l[2], l[3]
  add(("Track Levels:%s:Current Track %s [Set]"):format(kind, when),
    set_parameter(function() return current_track()[prop] end))
  add(("Track Levels:%s:Master Track %s [Set]"):format(kind, when),
    set_parameter(function() local mi = master_index() return mi and song().tracks[mi][prop] end))
  add_family(("Track Levels:%s:Track XX %s:Track #"):format(kind, when), " [Set]", function() return #song().tracks end,
    function(i, m) local track = seq_track(i) if track then set_parameter(function() return track[prop] end)(m) end end)
  add_family(("Track Levels:%s:Send Track XX %s:Send Track #"):format(kind, when), " [Set]", send_count,
    function(i, m) local track = send_track(i) if track then set_parameter(function() return track[prop] end)(m) end end)
end
add("Track Levels:Width:Current Track [Set]", set_parameter(function() return current_track().prefx_width end))
add("Track Levels:Width:Master Track [Set]",
  set_parameter(function() local mi = master_index() return mi and song().tracks[mi].prefx_width end))
add_family("Track Levels:Width:Track XX:Track #", " [Set]", function() return #song().tracks end,
  function(i, m) local track = seq_track(i) if track then set_parameter(function() return track.prefx_width end)(m) end end)
add_family("Track Levels:Width:Send Track XX:Send Track #", " [Set]", send_count,
  function(i, m) local track = send_track(i) if track then set_parameter(function() return track.prefx_width end)(m) end end)

-- track DSPs -----------------------------------------------------------------------

local function selected_device() return song().selected_device end
add("Track DSPs:Selected FX Active [Set]", set_bool(
  function() local d = selected_device() return d ~= nil and d.is_active end,
  function(on) local d = selected_device() if d ~= nil and song().selected_device_index > 1 then d.is_active = on end end))
add("Track DSPs:Selected FX Active [Toggle]", toggle(
  function() local d = selected_device() return d ~= nil and d.is_active end,
  function(on) local d = selected_device() if d ~= nil and song().selected_device_index > 1 then d.is_active = on end end))
add_family("Track DSPs:Selected FX:Parameter #", " [Set]",
  function() local d = selected_device() return d and #d.parameters or 0 end,
  function(i, m)
    set_parameter(function() local d = selected_device() return d and d.parameters[i] end)(m)
  end)

-- navigation -------------------------------------------------------------------------

local function nav_int(label, range, get, set, dec, inc)
  add(label .. " [Set]", set_int(range, get, set))
  if dec then
    add(dec .. " [Trigger]", trigger(function() local lo, hi = range() set(clamp(get() - 1, lo, hi)) end))
    add(inc .. " [Trigger]", trigger(function() local lo, hi = range() set(clamp(get() + 1, lo, hi)) end))
  end
end
nav_int("Navigation:Sequencer:Current Sequence Pos", seq_range,
  function() return song().selected_sequence_index end, function(v) song().selected_sequence_index = v end,
  "Navigation:Sequencer:Select Previous Sequence Pos", "Navigation:Sequencer:Select Next Sequence Pos")
nav_int("Navigation:Sequencer:Current Pattern", function() return 1, #song().patterns end,
  function() return song().selected_pattern_index end, function(v) song().selected_pattern_index = v end,
  "Navigation:Sequencer:Decrease Current Pattern", "Navigation:Sequencer:Increase Current Pattern")
nav_int("Navigation:Tracks:Current Track", function() return 1, #song().tracks end,
  function() return song().selected_track_index end, function(v) song().selected_track_index = v end,
  "Navigation:Tracks:Select Previous Track", "Navigation:Tracks:Select Next Track")
nav_int("Navigation:Track DSPs:Current Track DSP", function() return 1, #song().selected_track.devices end,
  function() return song().selected_device_index end, function(v) song().selected_device_index = v end,
  "Navigation:Track DSPs:Select Previous Track DSP", "Navigation:Track DSPs:Select Next Track DSP")
nav_int("Navigation:Instruments:Current Instrument", function() return 1, #song().instruments end,
  function() return song().selected_instrument_index end, function(v) song().selected_instrument_index = v end,
  "Navigation:Instruments:Decrease Current Instrument", "Navigation:Instruments:Increase Current Instrument")
add("Navigation:Instruments:Capture Nearest From Pattern [Trigger]",
  trigger(function() song():capture_nearest_instrument_from_pattern() end))
add("Navigation:Instruments:Capture From Pattern [Trigger]",
  trigger(function() song():capture_instrument_from_pattern() end))

for _, c in ipairs { { "Volume", "volume_column_visible" }, { "Panning", "panning_column_visible" },
  { "Delay", "delay_column_visible" } } do
  local prop = c[2]
  add(("Navigation:Columns:Show %s Column [Set]"):format(c[1]), set_bool(
    function() return current_track()[prop] end,
    function(on) if current_track().type == renoise.Track.TRACK_TYPE_SEQUENCER then current_track()[prop] = on end end))
end

-- the interface ------------------------------------------------------------------------

function available_actions()
  local out = {}
  for i, name in ipairs(fixed_order) do out[i] = name end
  for _, f in ipairs(families) do
    for i = 1, f.count() do
      out[#out + 1] = ("%s%02d%s"):format(f.prefix, i, f.suffix)
    end
  end
  return out
end

function invoke_action(name, message)
  if type(name) ~= "string" then
    error(("bad argument #1 to 'invoke_action' (string expected, got %s)"):format(type(name)), 2)
  end
  if type(message) ~= "table" and type(message) ~= "userdata" then
    error(("bad argument #2 to 'invoke_action' (MidiMessage expected, got %s)"):format(type(message)), 2)
  end
  local handler = fixed[name]
  if handler ~= nil then return handler(message) end
  for _, f in ipairs(families) do
    local n = #f.prefix
    if name:sub(1, n) == f.prefix and name:sub(-#f.suffix) == f.suffix then
      local index = tonumber(name:sub(n + 1, #name - #f.suffix))
      if index ~= nil then return f.handler(index, message) end
    end
  end
  error(("invoke_action: unknown MIDI action '%s' (see available_actions())"):format(name), 2)
end
`;
